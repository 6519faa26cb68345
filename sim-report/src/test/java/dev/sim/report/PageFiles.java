package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Checks on written files shared by the report and comparison tests. */
final class PageFiles {
  private PageFiles() {}

  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

  /** Every href and src attribute value of an HTML page. */
  static List<String> links(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Asserts every link is a fragment or a relative file that exists in {@code dir}. */
  static void assertLinksResolve(String html, Path dir) {
    List<String> links = links(html);
    assertThat(links).isNotEmpty();
    for (String link : links) {
      if (link.startsWith("#")) {
        assertThat(html).as("anchor %s", link).contains("id=\"" + link.substring(1) + "\"");
        continue;
      }
      assertThat(link).as("no network or absolute links").doesNotContain(":").doesNotStartWith("/");
      assertThat(
              dir.resolve(
                  java.net.URLDecoder.decode(link, java.nio.charset.StandardCharsets.UTF_8)))
          .as(link)
          .isRegularFile();
    }
  }

  /** Number of distinct colours in {@code img}, sampled on every pixel. */
  static int distinctColours(BufferedImage img) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        colours.add(img.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** Asserts {@code png} decodes and is a picture, not a blank or one-colour image. */
  static void assertPicture(Path png) throws IOException {
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img).as("%s decodes", png).isNotNull();
    assertThat(img.getWidth()).isGreaterThanOrEqualTo(800);
    assertThat(distinctColours(img)).as("%s has many colours", png).isGreaterThan(100);
  }

  /** Parses {@code svg} as XML without fetching anything, and returns the document. */
  static Document parseSvg(Path svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document d =
        f.newDocumentBuilder().parse(new InputSource(new StringReader(Files.readString(svg))));
    assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
    return d;
  }
}
