"""Revenue in QGIS and on the command line: the Processing algorithms (bill run, sign-off, issue, gateway
import, water billing, due-status layers, printing), the printable bills (PDF, English and Bangla), the Excel
registers and `imis revenue ...`."""
import datetime as dt
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from imis_plugin.db.connect import transaction
from imis_plugin.revenue import billing, registers
from imis_plugin.revenue.errors import RevenueError

from .revenue_city import FY, as_role, month_start
from .test_revenue import A, issue_run, new_city, rows


@pytest.fixture(scope="module")
def city(pg_server):
    return new_city(pg_server, "revenue_qgis")


@pytest.fixture
def registry(qgis_processing):
    from qgis.core import QgsApplication

    import imis_plugin

    plugin = imis_plugin.classFactory(None)
    plugin.initProcessing()
    yield QgsApplication.processingRegistry()
    plugin.unload()


def run(registry, algorithm_id, parameters, context=None):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    if context is None:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
    algorithm = registry.createAlgorithmById(f"imis:{algorithm_id}")
    results, ok = algorithm.run(parameters, context, QgsProcessingFeedback(), catchExceptions=False)
    assert ok
    return results, context


def test_bill_run_to_payments_through_processing(city, registry, tmp_path):
    from qgis.core import QgsProcessingException

    dsn, _ids, logins = city
    chief, admin = as_role(dsn, logins["imis_revenue_chief"]), as_role(dsn, logins["imis_admin"])
    register = tmp_path / "q1.xlsx"
    results, _ = run(registry, "run_bill_run", {"DATABASE": chief, "FISCAL_YEAR": FY, "QUARTER": 0,
                                                "REGISTER": str(register)})
    assert (results["BILL_RUN"], results["BILLS"], results["SKIPPED"]) == ("HT-2024-Q1", 4, 1)
    assert results["TOTAL_DUE_BDT"] == pytest.approx(13781.32)
    with pytest.raises(QgsProcessingException, match="bill_run_sign_off_chief_only"):
        run(registry, "sign_off_bill_run", {"DATABASE": admin, "CODE": "HT-2024-Q1"})
    results, _ = run(registry, "sign_off_bill_run", {"DATABASE": chief, "CODE": "HT-2024-Q1"})
    assert results == {"STATE": "signed_off", "SIGNED_OFF_BY": logins["imis_revenue_chief"]}
    pdf = tmp_path / "bills.pdf"
    results, _ = run(registry, "issue_bill_run", {"DATABASE": admin, "CODE": "HT-2024-Q1", "PDF": str(pdf)})
    assert results["STATE"] == "issued" and results["ISSUED_BY"] == logins["imis_admin"]
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) == 4

    # the register: the run, the bills, the ward totals
    book = load_workbook(register, read_only=True)
    assert book.sheetnames == ["Run", "Bills", "Wards"]
    bills = list(book["Bills"].iter_rows(values_only=True))
    assert bills[0][:3] == ("Bill number", "Holding", "Ward") and len(bills) == 5
    assert bills[2][0] == "HT-2024-Q1-000002" and bills[2][13] == 6750  # holding A's quarter
    assert list(book["Wards"].iter_rows(values_only=True))[1][:3] == (1, 4, pytest.approx(13781.32))

    gateway = tmp_path / "ekpay.csv"
    gateway.write_text("bill_number,transaction_id,amount,paid_on\nHT-2024-Q1-000002,EKP-1,24300,2024-09-15\n"
                       "HT-2024-Q1-000009,EKP-2,10,2024-09-15\n", encoding="utf-8")
    collector = as_role(dsn, logins["imis_revenue_collector"])
    report = tmp_path / "report.csv"
    results, _ = run(registry, "import_payments", {"DATABASE": collector, "INPUT": str(gateway), "REPORT": str(report)})
    assert (results["APPLIED"], results["DUPLICATES"], results["MISMATCHES"]) == (1, 0, 1)
    assert "mismatch,no bill has this number" in report.read_text(encoding="utf-8")
    results, _ = run(registry, "import_payments", {"DATABASE": collector, "INPUT": str(gateway)})
    assert (results["APPLIED"], results["DUPLICATES"]) == (0, 1)

    # the due status per building, as a styled live layer
    results, context = run(registry, "due_status_layer", {"DATABASE": collector, "SERVICE": 0})
    layer = context.getMapLayer(results["OUTPUT"])
    assert layer.isValid() and results["FEATURES"] == 3
    assert {f["bin"]: f["status"] for f in layer.getFeatures()} == {"B000001": "overdue", "B000002": "paid",
                                                                   "B000003": "overdue"}
    assert {c.value() for c in layer.renderer().categories()} >= {"paid", "due", "overdue"}
    results, context = run(registry, "due_status_layer", {"DATABASE": collector, "SERVICE": 2, "WARD": 1})
    assert results["FEATURES"] == 1
    results, context = run(registry, "due_status_layer", {"DATABASE": collector, "SERVICE": 1})
    assert results["FEATURES"] == 3  # water connections (none billed yet)


def test_water_billing_and_printing_algorithms(city, registry, tmp_path):
    from qgis.core import QgsProcessingException

    dsn, _ids, logins = city
    chief = as_role(dsn, logins["imis_revenue_chief"])
    register = tmp_path / "water.xlsx"
    last = month_start(1)
    results, _ = run(registry, "water_billing_run", {"DATABASE": chief, "MONTH": f"{last:%Y-%m}",
                                                     "REGISTER": str(register)})
    assert (results["BILLS"], results["NO_READING"], results["TOTAL_BDT"]) == (2, 1, 450.0)  # 340 + 110
    assert [r[0] for r in load_workbook(register, read_only=True).active.iter_rows(values_only=True)][1:] == [
        f"W-{last:%Y%m}-000001", f"W-{last:%Y%m}-000002"]
    with pytest.raises(QgsProcessingException, match="is not a month"):
        run(registry, "water_billing_run", {"DATABASE": chief, "MONTH": "July"})
    if not rows(dsn, "SELECT 1 FROM imis_revenue.bill_run WHERE code = 'HT-2024-Q1'"):
        billing.run_bills(chief, FY, 1)
    pdf = tmp_path / "ward1.pdf"
    results, _ = run(registry, "print_bills", {"DATABASE": chief, "CODE": "HT-2024-Q1", "WARD": 1,
                                               "HOLDINGS": "01-001-0002-00, 01-001-0003-00", "PDF": str(pdf)})
    assert results["BILLS"] == 2
    data = pdf.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 2
    assert b"Lohit" in data  # the Bangla labels were set in a Bengali font (fonts-lohit-beng-bengali)
    with pytest.raises(QgsProcessingException, match="no bill for this selection"):
        run(registry, "print_bills", {"DATABASE": chief, "CODE": "HT-2024-Q1", "WARD": 9, "PDF": str(pdf)})


LONG_OWNER = ("Mohammad Abdur Rahman Chowdhury", "মোহাম্মদ আব্দুর রহমান চৌধুরী")  # 62 characters on the bill
LONG_ADDRESS = ("House 121/B, Sheikh Mujib Road, Arappur Mohalla / "
                "বাড়ি ১২১/বি, শেখ মুজিব সড়ক, আরাপপুর মহল্লা")  # 94 characters


def test_bill_layout_keeps_the_map_frame_and_prints_long_names_whole(pg_server, qgis_app, tmp_path):
    """The bills' page as QGIS lays it out for each bill of the atlas: a tall and a wide building do not
    resize the map's frame, and long Bangla + English owners and addresses wrap inside their boxes, pushing
    what follows down, without any two items overlapping."""
    from qgis.core import QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemMap
    from qgis.PyQt.QtCore import QSize

    from imis_plugin.revenue.printing import MAP_H, MAP_W, PAGE_W, bills_layout

    from .sample_city import X, Y, _insert

    dsn, ids, logins = new_city(pg_server, "revenue_print")
    with transaction(dsn) as conn, conn.cursor() as cur:
        owner = _insert(cur, "imis_core.owner", {"name": LONG_OWNER[0], "name_bn": LONG_OWNER[1]})
        for n, (address, (w, h)) in enumerate(((LONG_ADDRESS, (6, 45)),  # tall and narrow
                                               ("Station Road " * 25, (45, 6)))):  # wide; 325 characters
            holding = _insert(cur, "imis_core.holding", {
                "holding_code": f"01-001-010{n + 1}-00", "ward_id": ids["ward"], "owner_id": owner,
                "annual_value_bdt": 50000, "address": address})
            x0, y0 = X + 300 + 60 * n, Y + 560
            ring = f"{x0} {y0},{x0 + w} {y0},{x0 + w} {y0 + h},{x0} {y0 + h},{x0} {y0}"
            building = _insert(cur, "imis_core.building", {"bin": f"B{n + 101:06d}", "ward_id": ids["ward"],
                                                           "geom": f"MULTIPOLYGON((({ring})))"}, ("geom",))
            _insert(cur, "imis_core.building_holding", {"building_id": building, "holding_id": holding})
    code = billing.run_bills(as_role(dsn, logins["imis_revenue_chief"]), FY, 1).code
    layout, _project, count = bills_layout(dsn, code, holdings=["01-001-0101-00", "01-001-0102-00", A])
    assert count == 3
    map_item = next(i for i in layout.items() if isinstance(i, QgsLayoutItemMap))
    labels = [i for i in layout.items() if isinstance(i, QgsLayoutItemLabel)]
    atlas = layout.atlas()
    assert atlas.beginRender() and atlas.first()  # as the PDF export walks the bills
    seen = {}
    while True:
        texts = {label.text(): label for label in labels}
        holding = texts['[% "holding_code" %]'].currentText()
        seen[holding] = texts['[% "owner" %]'].currentText(), texts['[% "address" %]'].currentText()
        assert (map_item.rect().width(), map_item.rect().height()) == pytest.approx((MAP_W, MAP_H)), holding
        assert map_item.extent().contains(layout.reportContext().currentGeometry().boundingBox())
        for label in labels:  # every box but the page-wide paragraphs holds its text without wrapping it
            if label.rect().width() < PAGE_W - 20:
                need, box = label.sizeForText(), label.rect()
                assert need.width() <= box.width(), (holding, label.currentText())
                assert need.height() <= box.height(), (holding, label.currentText())
        items = [map_item, *labels]
        for n, item in enumerate(items):
            for other in items[n + 1:]:
                overlap = item.sceneBoundingRect().intersected(other.sceneBoundingRect())
                assert overlap.isEmpty(), (holding, item.displayName(), other.displayName(), overlap)
        assert texts["Amount / বিবরণ"].sceneBoundingRect().top() > map_item.sceneBoundingRect().bottom()
        if holding == "01-001-0101-00":  # to look at
            image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), 120)
            assert image.save(str(tmp_path / "tall_building_long_names.png"), "PNG")
            frame, extent = map_item.sceneBoundingRect(), map_item.extent()

            def colour(x, y):  # the page's pixel at map coordinates x, y
                column = frame.left() + (x - extent.xMinimum()) / extent.width() * frame.width()
                row = frame.top() + (extent.yMaximum() - y) / extent.height() * frame.height()
                pixel = image.pixelColor(int(column * 120 / 25.4), int(row * 120 / 25.4))
                return pixel.red(), pixel.green(), pixel.blue()

            red, green, _ = colour(X + 303, Y + 582)  # this bill's building: highlighted
            assert red > green + 60, (red, green)
            red, green, blue = colour(X + 366, Y + 563)  # the next bill's building, in view: plain grey
            assert extent.contains(X + 366, Y + 563) and abs(red - green) < 15 and abs(green - blue) < 15
        if not atlas.next():
            break
    atlas.endRender()
    assert map_item.rect().height() == pytest.approx(MAP_H)

    # whole: every word of the owner and the address is on the bill, in lines that fit their box
    owner, address = seen["01-001-0101-00"]
    assert owner.split() == " ".join(LONG_OWNER).split() and "\n" in owner
    assert address.split() == LONG_ADDRESS.replace(" / ", " ").split() and "\n" in address
    assert seen[A][1] == "Station Road"  # a short one stays on one line
    # past four lines, a 325-character address ends in "…" rather than pushing the amounts off the page
    cut = seen["01-001-0102-00"][1]
    assert cut.count("\n") == 3 and cut.endswith("…") and cut.startswith("Station Road Station Road")


def test_payment_register(pg_server, tmp_path):
    from imis_plugin.revenue.payments import record_payment
    from imis_plugin.revenue.water import record_water_payment, water_billing_run

    dsn, _ids, logins = new_city(pg_server, "revenue_cashbook")
    issue_run(dsn, logins, FY, 1)
    water_billing_run(dsn, month_start(1))
    collector = as_role(dsn, logins["imis_revenue_collector"])
    record_payment(collector, "HT-2024-Q1-000002", "24300", dt.date(2024, 9, 15))
    record_payment(collector, "HT-2024-Q1-000001", "1000", dt.date(2024, 9, 20))
    record_water_payment(collector, f"W-{month_start(1):%Y%m}-000001", 340, dt.date.today())
    written = registers.payment_register(dsn, dt.date(2024, 9, 1), dt.date(2024, 9, 30), tmp_path / "cash.xlsx")
    assert written["payments"] == 2 and written["amount_bdt"] == Decimal("25300.00")  # 24,300 + 1,000
    summary = list(load_workbook(tmp_path / "cash.xlsx", read_only=True)["Per day and collector"].iter_rows(values_only=True))
    who = logins["imis_revenue_collector"]
    assert summary[1:] == [(dt.datetime(2024, 9, 15), who, "holding tax", 1, 24300),
                           (dt.datetime(2024, 9, 20), who, "holding tax", 1, 1000)]
    today = registers.payment_register(dsn, dt.date.today(), dt.date.today(), tmp_path / "today.xlsx")
    assert (today["payments"], today["amount_bdt"]) == (1, Decimal("340.00"))
    with pytest.raises(RevenueError, match="ends .* before it starts"):
        registers.payment_register(dsn, dt.date(2024, 9, 30), dt.date(2024, 9, 1), tmp_path / "x.xlsx")


def test_command_line(pg_server, tmp_path, capsys):
    from imis_plugin.cli import main

    dsn, _ids, logins = new_city(pg_server, "revenue_cli")
    chief = as_role(dsn, logins["imis_revenue_chief"])
    assert main(["revenue", "rates", "--dsn", dsn, "--year", "2025", "--holding-tax", "30", "--conservancy", "10"]) == 1
    assert "tax_rate_cap" in capsys.readouterr().err
    assert main(["revenue", "rates", "--dsn", chief, "--year", "2024"]) == 0
    assert "total 22.50% (cap 39%)" in capsys.readouterr().out
    assert main(["revenue", "bill-run", "--dsn", chief, "--year", "2024", "--quarter", "1", "--due", "2024-09-15"]) == 0
    assert "4 bills, draft" in capsys.readouterr().out
    assert main(["revenue", "sign-off", "--dsn", as_role(dsn, logins["imis_admin"]), "HT-2024-Q1"]) == 1
    assert "bill_run_sign_off_chief_only" in capsys.readouterr().err
    assert main(["revenue", "sign-off", "--dsn", chief, "HT-2024-Q1"]) == 0
    assert main(["revenue", "issue", "--dsn", chief, "HT-2024-Q1"]) == 0
    assert f"issued by {logins['imis_revenue_chief']}" in capsys.readouterr().out
    collector = as_role(dsn, logins["imis_revenue_collector"])
    assert main(["revenue", "pay", "--dsn", collector, "HT-2024-Q1-000001", "1000", "--date", "2024-09-10"]) == 0
    assert "paid 1,000.00 of 1,350.00 BDT, 350.00 BDT remaining" in capsys.readouterr().out
    gateway = tmp_path / "gw.csv"
    gateway.write_text("bill_number,transaction_id,amount,paid_on\nHT-2024-Q1-000002,T1,6750,2024-09-10\n")
    assert main(["revenue", "import-payments", "--dsn", collector, str(gateway), "--report", str(tmp_path / "r.csv")]) == 0
    assert "1 applied (6,750.00 BDT)" in capsys.readouterr().out
    assert main(["revenue", "register", "--dsn", collector, "--run", "HT-2024-Q1", "-o", str(tmp_path / "r.xlsx")]) == 0
    assert main(["revenue", "water-bills", "--dsn", chief, "--month", f"{month_start(1):%Y-%m}"]) == 0
    assert "2 new bills" in capsys.readouterr().out
    assert main(["revenue", "status", "--dsn", collector]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\s1\s+4\s+13,781\.32\s+7,750\.00\s+6,031\.32\s+3", out), out  # 13,781.32 - 7,750 = 6,031.32
    assert main(["revenue", "assess", "--dsn", chief, "01-001-0002-00", "--year", "2025", "--monthly-rent", "12000"]) == 0
    assert "annual value 144,000.00 BDT" in capsys.readouterr().out  # 12 x 12,000 (a Paurashava)
