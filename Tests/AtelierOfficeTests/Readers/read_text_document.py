"""Reads a .docx (python-docx) or an .odt (odfpy) the way a user's word processor would, and
prints what it found as JSON: the blocks in order (paragraphs with their style, tables with
their cells and column widths), the page sections, the header and footer, the highlighted
« À compléter » runs and the fields. The tests compare that with what the document must say."""
import json
import sys


def png_summary(data):
    """The PNG's size and how many colours it has, decoded with zlib as any viewer would."""
    import struct
    import zlib

    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return {"valid": False}
    width, height = struct.unpack(">II", data[16:24])
    kind = data[25]  # 2: RGB, 3: palette
    index, idat, palette = 8, b"", b""
    while index < len(data):
        (size,) = struct.unpack(">I", data[index:index + 4])
        if data[index + 4:index + 8] == b"IDAT":
            idat += data[index + 8:index + 8 + size]
        if data[index + 4:index + 8] == b"PLTE":
            palette = data[index + 8:index + 8 + size]
        index += 12 + size
    raw = zlib.decompress(idat)
    depth = 3 if kind == 2 else 1
    stride = width * depth + 1

    def pixel(r, x):
        at = r * stride + 1 + depth * x
        return raw[at:at + 3] if kind == 2 else palette[3 * raw[at]:3 * raw[at] + 3]

    colours = {pixel(r, x) for r in range(0, height, 4) for x in range(0, width, 4)}
    return {"valid": kind in (2, 3) and len(raw) == stride * height, "width": width, "height": height,
            "colours": len(colours)}


def svg_summary(data):
    """What the SVG draws, parsed as XML: its bars' and circles' figures."""
    from lxml import etree

    root = etree.fromstring(data)
    ns = "{http://www.w3.org/2000/svg}"
    return {
        "id": root.get("id"),
        "title": root.findtext(ns + "title"),
        "bars": [float(e.get("data-value")) for e in root.iter(ns + "rect") if e.get("class") in ("bar", "segment")],
        "communes": [e.get("data-code") for e in root.iter(ns + "circle") if e.get("class") == "commune"],
    }


def docx_document(path):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from docx.oxml.ns import qn

    document = docx.Document(path)
    blocks, gaps = [], []

    def paragraph(p):
        for run in p.runs:
            if run.style is not None and run.style.name == "À compléter":
                gaps.append(run.text)
        return {
            "kind": "p",
            "style": p.style.name if p.style is not None else None,
            "text": p.text,
            "bold": [r.text for r in p.runs if r.bold],
            "italic": [r.text for r in p.runs if r.italic],
            "page_break_before": bool(p.paragraph_format.page_break_before),
        }

    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(paragraph(Paragraph(child, document)))
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            widths = [round(c.w.cm, 2) if c.w is not None else None for c in child.tblGrid.gridCol_lst]
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            header = table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
            for row in table.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        paragraph(p)
            heights = [row.height.cm if row.height is not None else None for row in table.rows]
            blocks.append({"kind": "table", "rows": rows, "widths_cm": widths, "repeat_header": header, "heights_cm": heights})
    sections = [
        {
            "width_cm": round(s.page_width.cm, 2),
            "height_cm": round(s.page_height.cm, 2),
            "orientation": "landscape" if s.orientation == 1 else "portrait",
            "margins_cm": [round(m.cm, 2) for m in (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin)],
            "header": "\n".join(p.text for p in s.header.paragraphs),
            "footer": "\n".join(p.text for p in s.footer.paragraphs),
        }
        for s in document.sections
    ]
    instructions = [e.text for e in document.element.body.iter(qn("w:instrText"))]
    footer_fields = [e.text for s in document.sections[:1] for e in s.footer._element.iter(qn("w:instrText"))]
    styles = sorted(s.name for s in document.styles)
    images = []
    for inline in document.element.body.iter(qn("wp:inline")):
        blip = next(inline.iter(qn("a:blip")))
        svg_blip = next(blip.iter("{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"))
        png_part = document.part.related_parts[blip.get(qn("r:embed"))]
        svg_part = document.part.related_parts[svg_blip.get(qn("r:embed"))]
        extent = inline.find(qn("wp:extent"))
        images.append({
            "name": inline.find(qn("wp:docPr")).get("name"),
            "title": inline.find(qn("wp:docPr")).get("descr"),
            "width_cm": round(int(extent.get("cx")) / 360000, 2),
            "height_cm": round(int(extent.get("cy")) / 360000, 2),
            "png": dict(png_summary(png_part.blob), content_type=png_part.content_type),
            "svg": dict(svg_summary(svg_part.blob), content_type=svg_part.content_type),
        })
    return {
        "format": "docx",
        "images": images,
        "title": document.core_properties.title,
        "language": document.core_properties.language,
        "blocks": blocks,
        "sections": sections,
        "gaps": gaps,
        "fields": instructions + footer_fields,
        "styles": styles,
    }


def odt_document(path):
    from odf.opendocument import load
    from odf import teletype
    from odf.namespaces import TEXTNS, TABLENS, STYLENS, FONS

    document = load(path)
    automatic = {}
    for style in document.automaticstyles.childNodes:
        if style.qname[1] == "style":
            automatic[style.getAttrNS(STYLENS, "name")] = style
    named_styles = {}
    for style in document.styles.childNodes:
        if style.qname[1] == "style":
            named_styles[style.getAttrNS(STYLENS, "name")] = style

    def display(name):
        style = named_styles.get(name)
        if style is None:
            return name
        return style.getAttrNS(STYLENS, "display-name") or name

    def style_of(element, attribute="style-name"):
        name = element.getAttrNS(TEXTNS, attribute)
        style = automatic.get(name)
        if style is not None:
            name = style.getAttrNS(STYLENS, "parent-style-name") or name
        return display(name)

    blocks, gaps = [], []

    def spans(element):
        for node in element.childNodes:
            if getattr(node, "qname", None) == (TEXTNS, "span"):
                if style_of(node) == "À compléter":
                    gaps.append(teletype.extractText(node))
                spans(node)

    def visit(element, level=0):
        for node in element.childNodes:
            kind = getattr(node, "qname", None)
            if kind is None:
                continue
            if kind in ((TEXTNS, "p"), (TEXTNS, "h")):
                spans(node)
                automatic_style = automatic.get(node.getAttrNS(TEXTNS, "style-name"))
                master = automatic_style.getAttrNS(STYLENS, "master-page-name") if automatic_style is not None else None
                blocks.append({"kind": "p", "style": style_of(node), "text": teletype.extractText(node), "list_level": level,
                               "master_page": master or None})
            elif kind == (TEXTNS, "list"):
                visit(node, level + 1)
            elif kind == (TEXTNS, "list-item"):
                visit(node, level)
            elif kind == (TABLENS, "table"):
                rows = []
                for row in node.getElementsByType(__import__("odf.table", fromlist=["TableRow"]).TableRow):
                    rows.append([teletype.extractText(c) for c in row.childNodes if c.qname == (TABLENS, "table-cell")])
                widths = []
                for column in node.getElementsByType(__import__("odf.table", fromlist=["TableColumn"]).TableColumn):
                    style = automatic.get(column.getAttrNS(TABLENS, "style-name"))
                    width = None
                    if style is not None:
                        for properties in style.childNodes:
                            value = properties.getAttrNS(STYLENS, "column-width")
                            if value:
                                width = float(value.replace("cm", ""))
                    widths.append(width)
                table_style = automatic.get(node.getAttrNS(TABLENS, "style-name"))
                master = table_style.getAttrNS(STYLENS, "master-page-name") if table_style is not None else None
                blocks.append({"kind": "table", "rows": rows, "widths_cm": widths, "master_page": master})
            elif kind == (TEXTNS, "table-of-content"):
                blocks.append({"kind": "toc", "text": teletype.extractText(node)})
            elif kind[0] == TEXTNS and kind[1] in ("section", "index-body"):
                visit(node, level)

    visit(document.text)
    layouts = {}
    for layout in document.automaticstyles.childNodes:
        if layout.qname[1] == "page-layout":
            for properties in layout.childNodes:
                if properties.qname[1] == "page-layout-properties":
                    layouts[layout.getAttrNS(STYLENS, "name")] = {
                        "width": properties.getAttrNS(FONS, "page-width"),
                        "height": properties.getAttrNS(FONS, "page-height"),
                        "orientation": properties.getAttrNS(STYLENS, "print-orientation"),
                        "margins": [properties.getAttrNS(FONS, "margin-" + side) for side in ("top", "right", "bottom", "left")],
                    }
    masters = {}
    for master in document.masterstyles.childNodes:
        if master.qname[1] == "master-page":
            masters[master.getAttrNS(STYLENS, "name")] = {
                "layout": layouts.get(master.getAttrNS(STYLENS, "page-layout-name")),
                "header": teletype.extractText(master.getElementsByType(__import__("odf.style", fromlist=["Header"]).Header)[0]),
                "footer": teletype.extractText(master.getElementsByType(__import__("odf.style", fromlist=["Footer"]).Footer)[0]),
            }
    page_fields = [n.qname[1] for n in document.masterstyles.getElementsByType(__import__("odf.text", fromlist=["PageNumber"]).PageNumber)]
    page_fields += [n.qname[1] for n in document.masterstyles.getElementsByType(__import__("odf.text", fromlist=["PageCount"]).PageCount)]
    meta_title = [teletype.extractText(n) for n in document.meta.childNodes if n.qname[1] == "title"]
    from odf.draw import Frame
    from odf.namespaces import DRAWNS, SVGNS, XLINKNS

    images = []
    for frame in document.text.getElementsByType(Frame):
        pictures = [c for c in frame.childNodes if c.qname == (DRAWNS, "image")]
        first, fallback = (pictures + [None, None])[:2]
        entry = {
            "name": frame.getAttrNS(DRAWNS, "name"),
            "width": frame.getAttrNS(SVGNS, "width"),
            "height": frame.getAttrNS(SVGNS, "height"),
            "types": [p.getAttrNS(DRAWNS, "mime-type") for p in pictures],
        }
        if first is not None:
            entry["svg"] = svg_summary(document.Pictures[first.getAttrNS(XLINKNS, "href")][1])
        if fallback is not None:
            entry["png"] = png_summary(document.Pictures[fallback.getAttrNS(XLINKNS, "href")][1])
        images.append(entry)
    return {
        "format": "odt",
        "images": images,
        "title": meta_title[0] if meta_title else None,
        "blocks": blocks,
        "masters": masters,
        "gaps": gaps,
        "fields": page_fields,
        "styles": sorted(display(name) for name in named_styles),
    }


path = sys.argv[1]
result = docx_document(path) if path.endswith(".docx") else odt_document(path)
json.dump(result, sys.stdout, ensure_ascii=False)
