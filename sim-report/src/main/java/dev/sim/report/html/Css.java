package dev.sim.report.html;

/** The pages' one stylesheet, inlined into each page so it works offline and alone. */
final class Css {
  private Css() {}

  static final String STYLE =
      """
      :root { --ink:#1f2328; --muted:#59636e; --line:#d8dee4; --soft:#f6f8fa;
              --ok:#0a7a52; --ok-bg:#e6f4ee; --bad:#b42318; --bad-bg:#fdecea;
              --warn:#8a5a00; --warn-bg:#fff4da; }
      * { box-sizing: border-box; }
      body { margin: 0; color: var(--ink); background: #fff;
             font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
                   "Liberation Sans", Arial, sans-serif; }
      main { max-width: 1080px; margin: 0 auto; padding: 28px 24px 64px; }
      h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 12px; }
      h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 6px;
           border-bottom: 1px solid var(--line); }
      h3 { font-size: 16px; margin: 20px 0 8px; color: var(--muted); }
      p { margin: 0 0 10px; }
      a { color: #0b5cad; }
      code, pre { font: 14px/1.5 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
      pre { background: var(--soft); border: 1px solid var(--line); border-radius: 8px;
            padding: 12px 14px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
      .eyebrow { color: var(--muted); font-size: 14px; margin: 0; }
      .eyebrow code { font-size: 13px; }
      .desc { color: #30363d; max-width: 860px; }
      .verdict { border-radius: 10px; padding: 12px 16px; margin: 18px 0; font-weight: 600; }
      .verdict.ok { background: var(--ok-bg); color: var(--ok); }
      .verdict.bad { background: var(--bad-bg); color: var(--bad); }
      .verdict.none { background: var(--soft); color: var(--muted); }
      .note { border-radius: 10px; padding: 12px 16px; margin: 12px 0;
              background: var(--warn-bg); color: var(--warn); }
      .note.bad { background: var(--bad-bg); color: var(--bad); }
      .note pre { background: #fff; color: var(--ink); }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(128px, 1fr));
               gap: 12px; margin: 18px 0 6px; }
      .card { border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
      .card .k { color: var(--muted); font-size: 13px; }
      .card .v { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
      .card .s { color: var(--muted); font-size: 12px; }
      table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; font-size: 15px; }
      th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line);
               vertical-align: top; }
      th { color: var(--muted); font-weight: 600; font-size: 13px; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
               gap: 0 28px; }
      .pass { color: var(--ok); font-weight: 650; }
      .fail { color: var(--bad); font-weight: 650; }
      tr.failrow td { background: var(--bad-bg); }
      .chip { display: inline-block; width: 11px; height: 11px; border-radius: 3px;
              margin-right: 6px; vertical-align: -1px; }
      nav.toc { font-size: 14px; color: var(--muted); margin: 6px 0 0; }
      nav.toc a { margin-right: 12px; white-space: nowrap; }
      figure { margin: 22px 0 30px; }
      figure img { display: block; max-width: 100%; height: auto;
                   border: 1px solid var(--line); border-radius: 8px; }
      figcaption { color: var(--muted); font-size: 14px; margin-top: 6px; }
      .more { color: var(--muted); font-size: 14px; }
      footer { margin-top: 48px; color: var(--muted); font-size: 13px;
               border-top: 1px solid var(--line); padding-top: 12px; }
      .better { color: var(--ok); } .worse { color: var(--bad); }
      .verdict.unknown { background: var(--warn-bg); color: var(--warn); }
      ul.checked { margin: 0 0 12px; padding-left: 22px; }
      ul.checked li { margin: 3px 0; }
      table.figures td.what { color: var(--muted); font-size: 14px; }
      table.figures td:first-child { white-space: nowrap; }
      tr.total td { font-weight: 600; }
      .why { background: var(--bad-bg); border-left: 4px solid var(--bad); border-radius: 4px;
             padding: 8px 12px; overflow-wrap: anywhere; }
      dl.witness { margin: 8px 0 14px; }
      dl.witness dt { font-weight: 600; margin-top: 8px; }
      dl.witness dd { margin: 2px 0 0 18px; overflow-wrap: anywhere; }
      dl.witness dd.stuck { color: var(--bad); }
      dl.witness ol { margin: 4px 0 0; padding-left: 28px; }
      .legend { font-size: 13px; color: var(--muted); }
      .legend svg { vertical-align: middle; }
      .timeline { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px;
                  padding: 6px 0; margin: 6px 0; }
      .timeline svg { display: block; }
      h1.long { font-size: 24px; }
      .lede { font-size: 15px; color: var(--muted); margin: 0 0 6px; }
      table.trace td { font-size: 14px; padding: 4px 10px; }
      table.trace code { font-size: 13px; overflow-wrap: anywhere; }
      table.trace td:nth-child(2), table.trace td:nth-child(3) { white-space: nowrap; }
      table.trace tr.first td { border-top: 2px solid var(--ink); }
      """;
}
