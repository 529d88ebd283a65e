"""Reads an .xlsx (openpyxl) or an .ods (odfpy) the way a spreadsheet program would, and prints
what it found as JSON: each sheet's name, its cells row by row (type, value, formula, the value
cached for the formula, the number format), the frozen rows and the rows printed on every page.
The tests compare that with the plan the workbook holds."""
import json
import sys


def xlsx_book(path):
    import openpyxl

    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for sheet in formulas.worksheets:
        values = cached[sheet.title]
        rows = []
        for row in sheet.iter_rows():
            cells = []
            for cell in row:
                value = cell.value
                if value is None:
                    cells.append(None)
                    continue
                entry = {"format": cell.number_format, "bold": bool(cell.font.b)}
                if cell.data_type == "f":
                    entry.update(type="formula", formula=value, value=values[cell.coordinate].value)
                elif isinstance(value, str):
                    entry.update(type="string", value=value)
                else:
                    entry.update(type="number", value=value)
                cells.append(entry)
            rows.append(cells)
        sheets.append(
            {
                "name": sheet.title,
                "rows": rows,
                "frozen": sheet.freeze_panes,
                "print_titles": sheet.print_title_rows,
                "orientation": sheet.page_setup.orientation,
                "paper": sheet.page_setup.paperSize,
                "widths": [sheet.column_dimensions[letter].width for letter in sorted(sheet.column_dimensions)],
            }
        )
    return {"format": "xlsx", "title": formulas.properties.title, "sheets": sheets}


def ods_book(path):
    from odf.opendocument import load
    from odf.namespaces import TABLENS, OFFICENS
    from odf import teletype
    from odf.table import Table, TableRow, TableCell, TableHeaderRows

    document = load(path)
    sheets = []
    for table in document.spreadsheet.getElementsByType(Table):
        rows, header_rows = [], []
        for row in table.getElementsByType(TableRow):
            if row.parentNode.qname == (TABLENS, "table-header-rows"):
                header_rows.append(len(rows) + 1)
            cells = []
            for cell in row.getElementsByType(TableCell):
                repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), "1"))
                kind = cell.attributes.get((OFFICENS, "value-type"))
                text = "\n".join(teletype.extractText(p) for p in cell.childNodes if p.qname[1] == "p")
                if kind is None:
                    entry = None
                elif kind == "string":
                    entry = {"type": "string", "value": text}
                else:
                    value = float(cell.attributes.get((OFFICENS, "value")))
                    entry = {"type": "number", "value": value, "value_type": kind, "display": text}
                    formula = cell.attributes.get((TABLENS, "formula"))
                    if formula is not None:
                        entry.update(type="formula", formula=formula)
                    currency = cell.attributes.get((OFFICENS, "currency"))
                    if currency is not None:
                        entry["currency"] = currency
                cells.extend([entry] * repeat)
            rows.append(cells)
        sheets.append({"name": str(table.getAttribute("name")), "rows": rows, "header_rows": header_rows})
    titles = [teletype.extractText(t) for t in document.meta.childNodes if t.qname[1] == "title"]
    return {"format": "ods", "title": titles[0] if titles else None, "sheets": sheets}


if __name__ == "__main__":
    path = sys.argv[1]
    book = xlsx_book(path) if path.endswith(".xlsx") else ods_book(path)
    json.dump(book, sys.stdout, ensure_ascii=False, default=str)
