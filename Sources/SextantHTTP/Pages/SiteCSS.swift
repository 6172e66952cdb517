/// The one style sheet, served at `/assets/site.css` (no fonts, images or scripts from elsewhere).
///
/// Light and dark schemes follow the system; tables scroll sideways inside their box on narrow screens; charts
/// come in a wide and a narrow drawing and the media query shows one; every focusable element gets a visible
/// outline; colours keep WCAG AA contrast and every coloured figure also carries its sign or word.
enum SiteCSS {
    static let text = """
        :root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--panel:#f6f7f9;--mut:#5b6270;--up:#0a7a36;--down:#b3261e;--line:#d9dde3;--accent:#1f5fbf;--focus:#ffbf47}
        @media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#111418;--panel:#1a1f26;--mut:#a3abb8;--up:#4cc37a;--down:#ff8a80;--line:#2e3540;--accent:#79a8ff}}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        a{color:var(--accent)}a:hover{text-decoration-thickness:2px}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px;box-shadow:0 0 0 5px #000}
        .skip{position:absolute;left:.5rem;top:-3rem;padding:.5rem .75rem;background:var(--fg);color:var(--bg);z-index:10;border-radius:4px}
        .skip:focus{top:.5rem}
        header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;border-bottom:1px solid var(--line)}
        .brand{font-weight:700;font-size:1.15rem;text-decoration:none;color:var(--fg)}
        header nav{display:flex;gap:.25rem}header nav a{padding:.35rem .6rem;border-radius:6px;text-decoration:none;color:var(--fg)}
        header nav a[aria-current=page]{background:var(--panel);font-weight:600;box-shadow:inset 0 -2px 0 var(--accent)}
        main{max-width:1280px;margin:0 auto;padding:1rem 1.25rem}
        h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:1.75rem 0 .6rem}h3{font-size:1.05rem;margin:.2rem 0 .5rem}
        small,.hint,.meta{color:var(--mut)}.hint{font-size:.9rem}
        .title{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem}.title h1 small{font-weight:400}
        .price{margin:0}.big{font-size:1.9rem;font-weight:700;margin:.2rem 0;font-variant-numeric:tabular-nums}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:8px}
        table{border-collapse:collapse;width:100%}caption{text-align:left;padding:.5rem .6rem;color:var(--mut);font-size:.9rem}
        th,td{padding:.5rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        thead th,thead th.num{background:var(--panel);font-size:.85rem;vertical-align:bottom;white-space:normal}
        tbody tr:last-child>*{border-bottom:0}tbody tr:hover{background:var(--panel)}
        thead th a{color:var(--fg);text-decoration:none;display:inline-block}thead th a:hover{text-decoration:underline}
        th[aria-sort] a{color:var(--accent)}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.up{color:var(--up)}.down{color:var(--down)}
        td.tok,th.tok,td.date{white-space:nowrap}td.sig small{display:block;margin-top:.15rem}
        .badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.85rem;font-weight:600;white-space:nowrap;border:1px solid currentColor}
        .badge.bull{color:var(--up)}.badge.bear{color:var(--down)}.badge.neutral{color:var(--mut)}
        .grade{display:inline-block;min-width:2.6rem;text-align:right;font-weight:600}
        form.filters,form.calc{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;padding:.75rem;background:var(--panel);border-radius:8px;margin:.75rem 0 1rem}
        label{display:flex;flex-direction:column;font-size:.85rem;color:var(--mut);gap:.2rem}
        fieldset{border:0;margin:0;padding:0;display:flex;gap:.75rem;align-items:center}legend{font-size:.85rem;color:var(--mut);float:left;margin-right:.5rem}
        fieldset label{flex-direction:row;align-items:center;color:var(--fg);font-size:1rem;gap:.3rem}
        input,select,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--mut);border-radius:6px;padding:.4rem .55rem;min-height:2.5rem}
        input:not([type]){width:9rem}input[type=radio]{min-height:auto;width:1.1rem;height:1.1rem}
        button{background:var(--accent);color:#fff;border-color:var(--accent);font-weight:600;padding:.4rem 1rem;cursor:pointer}
        @media (prefers-color-scheme:dark){button{color:#111}}
        .reset{align-self:center}
        .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:.6rem 1rem;margin:.5rem 0}
        .facts div{background:var(--panel);border-radius:8px;padding:.5rem .7rem}
        .facts dt{color:var(--mut);font-size:.8rem}.facts dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem;align-items:start}
        .card{border:1px solid var(--line);border-radius:10px;padding:1rem;min-width:0}.card h2{margin-top:0}
        .subgrades th{font-weight:400;white-space:normal}.subgrades th small{display:block;font-size:.8rem}
        .meter{height:6px;background:var(--line);border-radius:3px;margin:.25rem 0;max-width:220px}.meter span{display:block;height:100%;background:var(--accent);border-radius:3px}
        .ranges{display:flex;flex-wrap:wrap;gap:.4rem;margin:.25rem 0 .5rem}
        .ranges a{padding:.3rem .7rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;color:var(--fg)}
        .ranges a[aria-current]{background:var(--accent);border-color:var(--accent);color:#fff;font-weight:600}
        @media (prefers-color-scheme:dark){.ranges a[aria-current]{color:#111}}
        figure{margin:.5rem 0 1rem}figcaption{font-size:.85rem;color:var(--mut);margin-top:.3rem}
        .chart svg{display:block;width:100%;height:auto}.chart svg.narrow{display:none}
        .chart.small svg.wide{display:none}.chart.small svg.narrow{display:block;max-width:420px}
        svg .grid{stroke:var(--line);stroke-width:1}svg .baseline{stroke:var(--mut);stroke-dasharray:4 3;stroke-width:1}
        svg .axis,svg text{fill:var(--mut)}svg .series{fill:none;stroke:var(--accent);stroke-width:2;stroke-linejoin:round}
        svg path.bull{fill:var(--up);fill-opacity:.85}svg path.bear{fill:var(--down);fill-opacity:.85}
        .key.bull{color:var(--up)}.key.bear{color:var(--down)}
        .gauge{display:block;width:100%;max-width:300px;margin:0 auto}
        .gauge path{fill:none;stroke-width:18}.gauge .zone-low{stroke:#f0a640}.gauge .zone-mid{stroke:var(--line)}.gauge .zone-high{stroke:#3d8bfd}
        .gauge .needle{stroke:var(--fg);stroke-width:4;stroke-linecap:round}.gauge .hub{fill:var(--fg)}
        .gauge .gauge-value{fill:var(--fg);font-size:22px;font-weight:700}.gauge .axis{font-size:11px}
        .hbars{display:block;width:100%;max-width:520px}.hbars text{fill:var(--fg)}.hbars .bar-up{fill:var(--up)}.hbars .bar-down{fill:var(--down)}
        .alert{border:2px solid var(--down);border-radius:8px;padding:.25rem 1rem;margin:1rem 0;background:var(--panel)}
        .warn{color:var(--down);font-weight:600}
        .result{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin-bottom:1rem}
        details summary{cursor:pointer;font-weight:600}details ul{margin:.4rem 0;padding-left:1.1rem;font-size:.85rem;font-weight:400;white-space:normal;max-width:36rem}
        code{background:var(--panel);padding:.05rem .3rem;border-radius:4px}
        footer{color:var(--mut);font-size:.85rem;text-align:center;padding:2rem 1rem;border-top:1px solid var(--line);margin-top:2rem}
        @media (max-width:640px){
        main{padding:.75rem}h1{font-size:1.35rem}.big{font-size:1.5rem}
        th,td{padding:.4rem .45rem;font-size:.9rem}
        .chart svg.wide{display:none}.chart svg.narrow{display:block}
        input:not([type]){width:100%}form.filters label,form.calc label{flex:1 1 40%}
        .cards{grid-template-columns:1fr}.facts{grid-template-columns:repeat(2,minmax(0,1fr))}
        .hide-phone{display:none}
        }
        @media (prefers-reduced-motion:reduce){*{scroll-behavior:auto}}
        """
}
