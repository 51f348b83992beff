#!/usr/bin/env python3
"""Regenerates every synthetic X12 scenario under testdata/scenarios/.

    cd testdata/scenarios && python3 generate.py

Python 3, standard library only. Writes one directory per scenario (X12 files named so that
lexical order is the real-world order, README.md, contract.csv where needed) and the top-level
README.md. Every file is checked before the script ends: ISA width, SE01/GE01/IEA01 counts and
control numbers; every 835 (except the one deliberately unbalanced) must balance at line, claim and
transaction level (check_balance). Any failure raises and the script exits non-zero.

All people, member ids and claim numbers are fictional.
"""
import datetime
import os
from decimal import Decimal as D

HERE = os.path.dirname(os.path.abspath(__file__))
SEG_TERM = "~"
AFTER = "\n"

# billing provider / payee (837 loop 2010AA, 835 N1*PE); isa = ISA sender (837) / receiver (835)
GOOD = dict(name="GOOD HEALTH CLINIC", npi="1234567893", tin="371234567", taxonomy="207Q00000X",
            n3="100 MAIN ST", n4="SPRINGFIELD*IL*627010000", isa="GOODHEALTH", submitter="SUBM001",
            phone="5555550100")
HOSPITAL = dict(name="PRAIRIE VIEW GENERAL HOSPITAL", npi="1276593849", tin="376543210",
                taxonomy="282N00000X", n3="500 HOSPITAL DR", n4="SPRINGFIELD*IL*627030000",
                isa="PRAIRIEVIEW", submitter="SUBM002", phone="5555550300")
CITYWIDE = dict(name="CITYWIDE EMERGENCY PHYSICIANS", npi="1582036418", tin="364455667",
                taxonomy="207P00000X", n3="2200 N GRAND AVE", n4="SPRINGFIELD*IL*627020000",
                isa="CITYWIDEEP", submitter="SUBM003", phone="5555550400")
SKYLIFT = dict(name="SKYLIFT AIR MEDICAL", npi="1647309529", tin="364455789",
               taxonomy="3416A0800X", n3="45 AIRPORT RD", n4="SPRINGFIELD*IL*627070000",
               isa="SKYLIFTAIR", submitter="SUBM004", phone="5555550500")
RIVERBEND = dict(name="RIVERBEND ORTHOPAEDIC GROUP", npi="1758392041", tin="371122334",
                 taxonomy="207X00000X", n3="900 RIVER RD", n4="SPRINGFIELD*IL*627040000",
                 isa="RIVERBENDORTH", submitter="SUBM005", phone="5555550600")


def provider_segs(prov, taxonomy=None):
    return ["PRV*BI*PXC*%s" % (taxonomy or prov["taxonomy"]),
            "NM1*85*2*%s*****XX*%s" % (prov["name"], prov["npi"]),
            "N3*%s" % prov["n3"],
            "N4*%s" % prov["n4"],
            "REF*EI*%s" % prov["tin"]]


ACME = dict(name="ACME HEALTH PLAN", id="87726", isa="ACMEHEALTH", n3="PO BOX 1000",
            n4="HARTFORD*CT*06101", phone="8005550199", trn3="1123456789", clp06="12")
BLUE = dict(name="BLUE RIVER INSURANCE", id="60054", isa="BLUERIVER", n3="PO BOX 2000",
            n4="DES MOINES*IA*50301", phone="8005550188", trn3="1600054000", clp06="CI")
SUMMIT = dict(name="SUMMIT MUTUAL HEALTH", id="54771", isa="SUMMITMUTUAL", n3="PO BOX 5400",
              n4="DENVER*CO*80217", phone="8005550177", trn3="1547710000", clp06="CI")
LAKESHORE = dict(name="LAKESHORE COMMUNITY HEALTH", id="39026", isa="LAKESHORE", n3="PO BOX 3900",
                 n4="MILWAUKEE*WI*53201", phone="8005550166", trn3="1390260000", clp06="CI")

# control numbers: ISA13 0000030NN for 837, 0000040NN for 835 (unique across all scenarios)
_ctrl = {"837": 3000, "835": 4000}


def next_ctrl(kind):
    _ctrl[kind] += 1
    return _ctrl[kind]


def amt(x):
    """X12 R amount: keeps the precision written ('35.00' stays), never '-0'."""
    d = D(str(x))
    return "0" if d == 0 else format(d, "f")


def day(yyyymmdd, delta):
    d = datetime.datetime.strptime(yyyymmdd, "%Y%m%d").date() + datetime.timedelta(days=delta)
    return d.strftime("%Y%m%d")


def patient(first, member_id, dob="19800101", sex="F"):
    return dict(last="TESTPATIENT", first=first, id=member_id, dob=dob, sex=sex)


# ---------------------------------------------------------------- envelopes

def isa(sender, receiver, date8, time, ctrl):
    f = ["ISA", "00", " " * 10, "00", " " * 10, "ZZ", sender.ljust(15), "ZZ", receiver.ljust(15),
         date8[2:], time, "^", "00501", ctrl, "0", "T", ":"]
    return "*".join(f)


def txn(st_ctrl, tset, version, body):
    segs = ["ST*%s*%s*%s" % (tset, st_ctrl, version)] + list(body)
    segs.append("SE*%d*%s" % (len(segs) + 1, st_ctrl))
    return segs


def interchange(kind, sender, receiver, date8, time, txns, ctrl=None):
    n = ctrl if ctrl is not None else next_ctrl(kind)
    isa13 = "%09d" % n
    gs06 = str(n)
    gs01, version = ("HC", "005010X222A1") if kind == "837" else ("HP", "005010X221A1")
    out = [isa(sender, receiver, date8, time, isa13),
           "*".join(["GS", gs01, sender, receiver, date8, time, gs06, "X", version])]
    for t in txns:
        out += t
    out.append("GE*%d*%s" % (len(txns), gs06))
    out.append("IEA*1*%s" % isa13)
    return out


# ---------------------------------------------------------------- 837P

def build_837_txn(date8, time, batch, claims, st_ctrl="0001", provider=GOOD, taxonomy=None):
    """taxonomy overrides the billing provider's PRV*BI taxonomy for this file."""
    body = ["BHT*0019*00*%s*%s*%s*CH" % (batch, date8, time),
            "NM1*41*2*%s*****46*%s" % (provider["name"], provider["submitter"]),
            "PER*IC*BILLING OFFICE*TE*%s" % provider["phone"],
            "NM1*40*2*CLEARINGHOUSE INC*****46*RECV001",
            "HL*1**20*1"] + provider_segs(provider, taxonomy)
    hl = 1
    for c in claims:
        hl += 1
        p = c["patient"]
        payer = c.get("payer", ACME)
        body += ["HL*%d*1*22*0" % hl,
                 "*".join(["SBR", c.get("sbr01", "P"), "18", c.get("group", "GRP12345"),
                           "", "", "", "", "", c.get("sbr09", "CI")]),
                 "NM1*IL*1*%s*%s****MI*%s" % (p["last"], p["first"], p["id"]),
                 "N3*123 TEST LANE",
                 "N4*SPRINGFIELD*IL*62701",
                 "DMG*D8*%s*%s" % (p["dob"], p["sex"]),
                 "NM1*PR*2*%s*****PI*%s" % (payer["name"], payer["id"])]
        total = sum(D(l["charge"]) for l in c["lines"])
        body.append("CLM*%s*%s***%s:B:%s*Y*A*Y*Y" % (c["clm01"], amt(total), c.get("pos", "11"),
                                                      c.get("freq", "1")))
        for q, v in c.get("refs", []):          # TR3 order: G1 before F8
            body.append("REF*%s*%s" % (q, v))
        body += c.get("x2300", [])               # CR1, CRC (ambulance): after REF, before HI
        body.append("HI*" + "*".join(("ABK:" if i == 0 else "ABF:") + d
                                     for i, d in enumerate(c.get("dx", ["I10"]))))
        body += c.get("providers", [])           # loops 2310B-2310F (rendering, ambulance sites)
        body += c.get("cob", [])                 # loops 2320 / 2330A / 2330B, before the LX
        for i, l in enumerate(c["lines"], 1):
            proc = ":".join(["HC", l["proc"]] + l.get("mods", []))
            sv1 = ["SV1", proc, amt(l["charge"]), l.get("basis", "UN"), l.get("units", "1"),
                   l.get("pos", ""), "", "1"]    # SV105 only when it differs from CLM05-1
            if l.get("emergency"):
                sv1 += ["", "Y"]                 # SV109 emergency indicator
            body += ["LX*%d" % i, "*".join(sv1), "DTP*472*D8*%s" % l["date"]]
            if l.get("ref6r"):
                body.append("REF*6R*%s" % l["ref6r"])
    return txn(st_ctrl, "837", "005010X222A1", body)


def claim_837(date8, claims, time="1200", provider=GOOD, taxonomy=None):
    n = next_ctrl("837")
    t = build_837_txn(date8, time, "BATCH%d" % n, claims, provider=provider, taxonomy=taxonomy)
    return interchange("837", provider["isa"], "CLEARINGHOUSE", date8, time, [t], ctrl=n)


# ---------------------------------------------------------------- 835

def cas_segments(adjs):
    """adjs: [(group, reason, amount)] -> one CAS per group code, up to six triplets each."""
    order, by_group = [], {}
    for g, r, a in adjs:
        if g not in by_group:
            order.append(g)
            by_group[g] = []
        by_group[g].append((r, a))
    segs = []
    for g in order:
        trip = by_group[g]
        for i in range(0, len(trip), 6):
            els = ["CAS", g]
            for r, a in trip[i:i + 6]:
                els += [r, amt(a), ""]
            while els[-1] == "":
                els.pop()
            segs.append("*".join(els))
    return segs


def line_835(proc, charge, paid, date, cas, units="1", mods=(), ref6r=None, svc06=None,
             b6=None, lq=()):
    return dict(proc=proc, mods=list(mods), charge=charge, paid=paid, units=units, date=date,
                cas=list(cas), ref6r=ref6r, svc06=svc06, b6=b6, lq=list(lq))


def clp(clp01, status, clp07, pat, lines, claim_cas=(), freq="1", moa=None, nm1_extra=(),
        charge=None, paid=None, filing=None, pos="11"):
    """moa: one remark code or a list of up to five (MOA03-07); pos: CLP08 (CLM05-1 echoed)."""
    return dict(clp01=clp01, status=status, clp07=clp07, patient=pat, lines=lines,
                claim_cas=list(claim_cas), freq=freq, moa=moa, nm1_extra=list(nm1_extra),
                charge=charge, paid=paid, filing=filing, pos=pos)


def reversal(c):
    """CLP02 22, same group codes and line detail, every amount and unit count negated."""
    lines = [dict(l, charge=-D(l["charge"]), paid=-D(l["paid"]), units=amt(-D(l["units"])),
                  cas=[(g, r, -D(a)) for g, r, a in l["cas"]], b6=None, lq=[])
             for l in c["lines"]]
    return dict(c, status="22", lines=lines, moa=None,
                claim_cas=[(g, r, -D(a)) for g, r, a in c["claim_cas"]],
                charge=None if c["charge"] is None else -D(c["charge"]),
                paid=None if c["paid"] is None else -D(c["paid"]))


def claim_totals(c):
    charge = c["charge"] if c["charge"] is not None else sum(D(l["charge"]) for l in c["lines"])
    paid = c["paid"] if c["paid"] is not None else sum(D(l["paid"]) for l in c["lines"])
    pr = sum(D(a) for g, r, a in c["claim_cas"] if g == "PR")
    pr += sum(D(a) for l in c["lines"] for g, r, a in l["cas"] if g == "PR")
    return D(str(charge)), D(str(paid)), pr


def clp_segments(c, payer):
    charge, paid, pr = claim_totals(c)
    p = c["patient"]
    segs = ["CLP*%s*%s*%s*%s*%s*%s*%s*%s*%s" % (c["clp01"], c["status"], amt(charge), amt(paid),
                                                amt(pr), c["filing"] or payer["clp06"],
                                                c["clp07"], c["pos"], c["freq"])]
    segs += cas_segments(c["claim_cas"])
    segs.append("NM1*QC*1*%s*%s****MI*%s" % (p["last"], p["first"], p["id"]))
    segs += c["nm1_extra"]
    if c["moa"]:
        moa = [c["moa"]] if isinstance(c["moa"], str) else list(c["moa"])
        segs.append("MOA***%s" % "*".join(moa))
    for l in c["lines"]:
        proc = ":".join(["HC", l["proc"]] + l["mods"])
        svc = ["SVC", proc, amt(l["charge"]), amt(l["paid"]), "", l["units"]]
        if l["svc06"]:
            svc.append(l["svc06"])
        segs.append("*".join(svc))
        segs.append("DTM*472*%s" % l["date"])
        segs += cas_segments(l["cas"])
        if l["ref6r"]:
            segs.append("REF*6R*%s" % l["ref6r"])
        if l["b6"] is not None:
            segs.append("AMT*B6*%s" % amt(l["b6"]))
        segs += ["LQ*HE*%s" % r for r in l["lq"]]
    return segs


def build_835_txn(payer, pay_date, trn02, claims, plb=None, bpr02=None, prod_date=None,
                  st_ctrl="0001", provider=GOOD):
    """plb: list of (reason:reference composite, amount-string) pairs, one PLB segment."""
    total = sum(claim_totals(c)[1] for c in claims)
    if plb:
        total -= sum(D(a) for _, a in plb)
    if bpr02 is not None:                       # only the deliberately unbalanced scenario
        total = D(str(bpr02))
    if total == 0:
        bpr = "BPR*H*0*C*NON" + "*" * 12 + pay_date
    else:
        bpr = ("BPR*I*%s*C*ACH*CCP*01*011000015*DA*123456789*%s**01*021000021*DA*987654321*%s"
               % (amt(total), payer["trn3"], pay_date))
    body = [bpr,
            "TRN*1*%s*%s" % (trn02, payer["trn3"]),
            "DTM*405*%s" % (prod_date or day(pay_date, -1)),
            "N1*PR*%s" % payer["name"],
            "N3*%s" % payer["n3"],
            "N4*%s" % payer["n4"],
            "REF*2U*%s" % payer["id"],
            "PER*BL*PROVIDER SERVICES*TE*%s" % payer["phone"],
            "N1*PE*%s*XX*%s" % (provider["name"], provider["npi"]),
            "REF*TJ*%s" % provider["tin"],
            "LX*1"]
    for c in claims:
        body += clp_segments(c, payer)
    if plb:
        els = ["PLB", provider["npi"], "20261231"]
        for ref, a in plb:
            els += [ref, a]
        body.append("*".join(els))
    return txn(st_ctrl, "835", "005010X221A1", body)


def remit_835(payer, pay_date, trn02, claims, provider=GOOD, **kw):
    prod = day(pay_date, -1)
    assert datetime.datetime.strptime(pay_date, "%Y%m%d").weekday() < 5, pay_date
    t = build_835_txn(payer, pay_date, trn02, claims, prod_date=prod, provider=provider, **kw)
    return interchange("835", payer["isa"], provider["isa"], prod, "0900", [t])


# ---------------------------------------------------------------- checks

def split_segments(segs):
    return [s.split("*") for s in segs]


def check_envelope(name, segs):
    els = split_segments(segs)
    assert len(segs[0]) + 1 == 106, "%s: ISA is %d chars" % (name, len(segs[0]) + 1)
    assert els[0][0] == "ISA" and els[-1][0] == "IEA", name
    isa13 = els[0][13]
    assert els[-1][2] == isa13, "%s: IEA02 %s != ISA13 %s" % (name, els[-1][2], isa13)
    groups, gs, st_start, st_count, tx_in_group = 0, None, None, 0, 0
    for i, e in enumerate(els):
        if e[0] == "GS":
            gs, tx_in_group = e, 0
            groups += 1
            kind = "HC" if e[8] == "005010X222A1" else "HP"
            assert e[1] == kind, name
        elif e[0] == "ST":
            st_start = i
            tx_in_group += 1
            assert e[3] == gs[8], name
        elif e[0] == "SE":
            count = i - st_start + 1
            assert int(e[1]) == count, "%s: SE01 %s, counted %d" % (name, e[1], count)
            assert e[2] == els[st_start][2], "%s: SE02 != ST02" % name
        elif e[0] == "GE":
            assert int(e[1]) == tx_in_group, "%s: GE01" % name
            assert e[2] == gs[6], "%s: GE02 != GS06" % name
    assert int(els[-1][1]) == groups, "%s: IEA01" % name


def check_balance(name, segs):
    """Asserts the three 835 balancing rules and CLP05 = sum of PR adjustments."""
    els = split_segments(segs)
    bpr02, clp04_sum, plb_sum = None, D(0), D(0)
    claim, line = None, None

    def close_line():
        nonlocal line
        if line is not None:
            assert line["charge"] - line["adj"] == line["paid"], (
                "%s: line %s: %s - %s != %s" % (name, line["svc"], line["charge"], line["adj"],
                                                line["paid"]))
            line = None

    def close_claim():
        nonlocal claim
        close_line()
        if claim is not None:
            assert claim["charge"] - claim["adj"] == claim["paid"], (
                "%s: claim %s: %s - %s != %s" % (name, claim["id"], claim["charge"], claim["adj"],
                                                 claim["paid"]))
            assert claim["pr"] == claim["clp05"], (
                "%s: claim %s: CLP05 %s != PR %s" % (name, claim["id"], claim["clp05"],
                                                    claim["pr"]))
            if claim["lines"] > 0:
                assert claim["line_charge"] == claim["charge"], (
                    "%s: claim %s: lines charge %s != CLP03 %s" % (name, claim["id"],
                                                                   claim["line_charge"],
                                                                   claim["charge"]))
                assert claim["line_paid"] == claim["paid"], (
                    "%s: claim %s: lines paid %s != CLP04" % (name, claim["id"],
                                                              claim["line_paid"]))
            claim = None

    for e in els:
        tag = e[0]
        if tag == "BPR":
            bpr02 = D(e[2])
            assert bpr02 >= 0, "%s: BPR02 negative" % name
        elif tag == "CLP":
            close_claim()
            claim = dict(id=e[1], charge=D(e[3]), paid=D(e[4]), clp05=D(e[5] or "0"),
                         adj=D(0), pr=D(0), lines=0, line_charge=D(0), line_paid=D(0))
            clp04_sum += D(e[4])
        elif tag == "SVC":
            close_line()
            line = dict(svc=e[1], charge=D(e[2]), paid=D(e[3]), adj=D(0))
            claim["lines"] += 1
            claim["line_charge"] += D(e[2])
            claim["line_paid"] += D(e[3])
        elif tag == "CAS":
            total = sum(D(e[i]) for i in range(3, len(e), 3) if e[i])
            target = line if line is not None else claim
            assert not (line is None and claim["lines"] > 0), name
            target["adj"] += total
            claim["adj"] += total if target is line else 0
            if e[1] == "PR":
                claim["pr"] += total
        elif tag == "PLB":
            plb_sum += sum(D(e[i]) for i in range(4, len(e), 2) if e[i])
        elif tag == "SE":
            close_claim()
            assert clp04_sum - plb_sum == bpr02, (
                "%s: transaction: %s - %s != BPR02 %s" % (name, clp04_sum, plb_sum, bpr02))
            bpr02, clp04_sum, plb_sum = None, D(0), D(0)


# ---------------------------------------------------------------- output

WRITTEN = []


def emit(scenario, filename, segs, balance=True):
    d = os.path.join(HERE, scenario)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(scenario, filename)
    for s in segs:
        assert "~" not in s and "\n" not in s, s
    check_envelope(path, segs)
    if filename.endswith(".835") and balance:
        check_balance(path, segs)
    with open(os.path.join(d, filename), "w", newline="") as f:
        f.write("".join(s + SEG_TERM + AFTER for s in segs))
    WRITTEN.append(path)


def emit_text(scenario, filename, text):
    d = os.path.join(HERE, scenario)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, filename), "w", newline="") as f:
        f.write(text)
    WRITTEN.append(os.path.join(scenario, filename))


CONTRACT_HEADER = "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\n"

SCENARIOS = []   # (directory, shows, expected) for the top README


def md(text):
    """Markdown-escapes the X12 element separator (REF*6R would otherwise start emphasis)."""
    return text.replace("*", "\\*")


def scenario(directory, shows, expected, readme_extra=()):
    shows, expected = md(shows), md(expected)
    SCENARIOS.append((directory, shows, expected))
    lines = ["# %s" % directory, "", shows, "Expected records: %s" % expected]
    lines += [md(x) for x in readme_extra]
    emit_text(directory, "README.md", "\n".join(lines) + "\n")


# ---------------------------------------------------------------- scenarios

def s01():
    sc = "line-denial-co97-bundled"
    p = patient("BUNDLE", "XTEST2101")
    svc = "20261002"
    emit(sc, "1-claim.837", claim_837("20261005", [dict(
        clm01="PCN2101", patient=p, dx=["I10"], lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L2101A"),
            dict(proc="36415", charge="25", date=svc, ref6r="L2101B")])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261105", "EFT2101", [
        clp("PCN2101", "1", "ACME26010101", p, [
            line_835("99214", "200", "140", svc, [("CO", "45", "40"), ("PR", "2", "20")],
                     ref6r="L2101A", b6="160"),
            line_835("36415", "25", "0", svc, [("CO", "97", "25")], ref6r="L2101B",
                     lq=["M15"])])]))
    scenario(sc, "A paid claim whose venipuncture line (36415) is denied as bundled (CO-97, M15).",
             "one LINE_DENIAL for 36415 (line L2101B); no CLAIM_DENIAL (line 99214 paid 140.00).")


def s02():
    sc = "underpaid-below-contract"
    p = patient("CONTRACT", "XTEST2201", "19720315", "M")
    svc = "20261003"
    emit_text(sc, "contract.csv", CONTRACT_HEADER
              + "87726,99213,,110.00,2026-01-01,2026-12-31\n"
              + "87726,99214,,150.00,2026-01-01,2026-12-31\n")
    emit(sc, "1-claim.837", claim_837("20261006", [dict(
        clm01="PCN2201", patient=p, dx=["E119"], lines=[
            dict(proc="99213", charge="160", date=svc, ref6r="L2201A"),
            dict(proc="99214", charge="220", date=svc, ref6r="L2201B")])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261106", "EFT2201", [
        clp("PCN2201", "1", "ACME26010201", p, [
            line_835("99213", "160", "76.80", svc, [("CO", "45", "64"), ("PR", "2", "19.20")],
                     ref6r="L2201A", b6="96"),
            line_835("99214", "220", "119.68", svc, [("CO", "45", "70.40"), ("PR", "2", "29.92")],
                     ref6r="L2201B", b6="149.60")])]))
    scenario(sc, "Lines paid under the contract: 99213 allowed 96.00 vs 110.00 contracted; 99214 "
                 "allowed 149.60 vs 150.00 (0.40 short, within the 1.00 tolerance).",
             "one UNDERPAYMENT BELOW_CONTRACT for 99213 (expected 110.00, variance 14.00); "
             "nothing for 99214.",
             ["Contract: contract.csv (payer 87726, allowed per unit)."])


def s03():
    sc = "downcoded-99215-paid-as-99213"
    p = patient("DOWNCODE", "XTEST2301", "19650722", "M")
    svc = "20261005"
    emit_text(sc, "contract.csv", CONTRACT_HEADER
              + "87726,99215,,180.00,2026-01-01,2026-12-31\n"
              + "87726,99213,,110.00,2026-01-01,2026-12-31\n")
    emit(sc, "1-claim.837", claim_837("20261007", [dict(
        clm01="PCN2301", patient=p, dx=["I10", "E119"], lines=[
            dict(proc="99215", charge="250", date=svc)])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261109", "EFT2301", [
        clp("PCN2301", "1", "ACME26010301", p, [
            line_835("99213", "250", "88", svc, [("PR", "2", "22"), ("CO", "45", "140")],
                     svc06="HC:99215", b6="110", lq=["N22"])])]))
    scenario(sc, "99215 billed (no REF*6R), adjudicated and paid as 99213 (SVC06 = HC:99215, "
                 "RARC N22 procedure code changed).",
             "one UNDERPAYMENT DOWNCODED (expected 180.00 for 99215, allowed 110.00, variance "
             "70.00); the line is matched by the procedure as submitted (SVC06).",
             ["Contract: contract.csv (99215 180.00, 99213 110.00)."])


def s04():
    sc = "reversal-and-correction-same-835"
    p1 = patient("REVERSAL", "XTEST2401")
    p2 = patient("BYSTANDER", "XTEST2402", "19910101", "M")
    svc = "20261006"
    emit(sc, "1-claim.837", claim_837("20261008", [
        dict(clm01="PCN2401", patient=p1, lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L2401A")]),
        dict(clm01="PCN2402", patient=p2, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L2402A")])]))
    paid = clp("PCN2401", "1", "ACME26010401", p1, [
        line_835("99214", "200", "160", svc, [("CO", "45", "40")], ref6r="L2401A")])
    emit(sc, "2-remit.835", remit_835(ACME, "20261103", "EFT2401A", [paid]))
    emit(sc, "3-remit.835", remit_835(ACME, "20261117", "EFT2401B", [
        reversal(paid),
        clp("PCN2401", "1", "ACME26010402", p1, [
            line_835("99214", "200", "120", svc, [("CO", "45", "80")], ref6r="L2401A")]),
        clp("PCN2402", "1", "ACME26010403", p2, [
            line_835("99213", "150", "100", svc, [("CO", "45", "50")], ref6r="L2402A")])]))
    scenario(sc, "Claim paid 160.00, then reversed (CLP02 22) and corrected to 120.00 in one "
                 "later 835; a second claim (PCN2402, paid 100.00) keeps BPR02 positive (60.00).",
             "RECOUPMENT 40.00 on PCN2401 (reversed 160.00, correction paid 120.00); PCN2402 "
             "paid, no findings.")


def s05():
    sc = "reversal-across-three-835s"
    p1 = patient("THREEREMITS", "XTEST2501", "19580909", "M")
    p2 = patient("FILLER", "XTEST2502")
    svc = "20261007"
    emit(sc, "1-claim.837", claim_837("20261009", [
        dict(clm01="PCN2501", patient=p1, dx=["M1711"], lines=[
            dict(proc="20610", charge="300", date=svc, ref6r="L2501A")]),
        dict(clm01="PCN2502", patient=p2, lines=[
            dict(proc="99213", charge="200", date=svc, ref6r="L2502A")])]))
    paid = clp("PCN2501", "1", "ACME26010501", p1, [
        line_835("20610", "300", "150", svc, [("CO", "45", "150")], ref6r="L2501A")])
    emit(sc, "2-remit.835", remit_835(ACME, "20261102", "EFT2501A", [paid]))
    emit(sc, "3-remit.835", remit_835(ACME, "20261109", "EFT2501B", [
        reversal(paid),
        clp("PCN2502", "1", "ACME26010503", p2, [
            line_835("99213", "200", "180", svc, [("CO", "45", "20")], ref6r="L2502A")])]))
    emit(sc, "4-remit.835", remit_835(ACME, "20261116", "EFT2501C", [
        clp("PCN2501", "1", "ACME26010502", p1, [
            line_835("20610", "300", "120", svc, [("CO", "45", "180")], ref6r="L2501A")])]))
    scenario(sc, "Payment (150.00), reversal (with an unrelated paid claim PCN2502 so BPR02 = "
                 "30.00) and correction (120.00) arrive in three separate 835s.",
             "after the third 835: RECOUPMENT 30.00 on PCN2501 (reversed 150.00 - corrected "
             "120.00); PCN2502 paid, no findings.")


def s06():
    sc = "split-claim-ma15"
    p = patient("SPLIT", "XTEST2601", "19770404", "F")
    svc = "20261008"
    emit(sc, "1-claim.837", claim_837("20261012", [dict(
        clm01="PCN2601", patient=p, dx=["M1711"], lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L2601A"),
            dict(proc="20610", charge="300", date=svc, ref6r="L2601B"),
            dict(proc="36415", charge="25", date=svc, ref6r="L2601C")])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261110", "EFT2601", [
        clp("PCN2601", "1", "ACME26010601", p, [
            line_835("99214", "200", "150", svc, [("CO", "45", "50")], ref6r="L2601A")],
            moa="MA15"),
        clp("PCN2601", "1", "ACME26010602", p, [
            line_835("20610", "300", "0", svc, [("CO", "50", "300")], ref6r="L2601B"),
            line_835("36415", "25", "10", svc, [("CO", "45", "15")], ref6r="L2601C")],
            moa="MA15")]))
    scenario(sc, "One 837 claim (3 lines, 525.00) split by the payer into two CLPs (MOA MA15, "
                 "CLP07 ACME26010601 / ACME26010602); 20610 denied CO-50.",
             "one LINE_DENIAL for 20610 (L2601B); no CLAIM_DENIAL (claim otherwise paid "
             "160.00); billed counted once (525.00).")


def s07():
    sc = "split-claim-lines-by-lx-number"
    p = patient("LXNUMBER", "XTEST2701", "19880808", "M")
    svc = "20261009"
    emit(sc, "1-claim.837", claim_837("20261013", [dict(
        clm01="PCN2701", patient=p, dx=["M6281"], lines=[
            dict(proc="99213", charge="150", date=svc),
            dict(proc="97110", mods=["GP"], charge="100", units="2", date=svc)])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261111", "EFT2701", [
        clp("PCN2701", "1", "ACME26010701", p, [
            line_835("99213", "150", "110", svc, [("CO", "45", "40")], ref6r="1")], moa="MA15"),
        clp("PCN2701", "1", "ACME26010702", p, [
            line_835("97110", "100", "80", svc, [("CO", "45", "20")], units="2", mods=["GP"],
                     ref6r="2")], moa="MA15")]))
    scenario(sc, "837 lines sent without REF*6R; the payer splits the claim (MA15) and returns "
                 "REF*6R*1 / REF*6R*2, the original LX01 numbers.",
             "no findings: both lines matched by original line number and paid (110.00, 80.00).")


def s08():
    sc = "crossover-forwarded-clp02-19"
    p = patient("CROSSOVER", "XTEST2801", "19500101", "F")
    svc = "20261012"
    emit(sc, "1-claim.837", claim_837("20261014", [dict(
        clm01="PCN2801", patient=p, group="", sbr09="MB", lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L2801A")])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261112", "EFT2801", [
        clp("PCN2801", "19", "ACME26010801", p, [
            line_835("99213", "150", "0", svc, [("PR", "1", "110"), ("CO", "45", "40")],
                     ref6r="L2801A")],
            filing="MB", moa="MA18",
            nm1_extra=["NM1*TT*2*MEDIGAP PLUS*****PI*55555"])]))
    scenario(sc, "Medicare B claim (SBR09 MB) processed as primary and forwarded (CLP02 19, "
                 "NM1*TT MEDIGAP PLUS, MOA MA18); nothing paid because of the deductible (PR-1 "
                 "110.00). BPR01 H, BPR02 0.",
             "no CLAIM_DENIAL and no LINE_DENIAL: patient deductible, claim crossed over to "
             "MEDIGAP PLUS.")


def s09():
    sc = "secondary-payer-clp02-2-oa23"
    p = patient("SECONDARY", "BRTEST2901", "19830303", "F")
    svc = "20261013"
    cob = ["SBR*P*18*GRP12345******CI",           # 2320 other subscriber information
           "CAS*CO*45*40",
           "AMT*D*110",                           # prior payer paid
           "OI***Y***Y",
           "NM1*IL*1*TESTPATIENT*SECONDARY****MI*XTEST2901",   # 2330A
           "NM1*PR*2*ACME HEALTH PLAN*****PI*87726",            # 2330B
           "DTP*573*D8*20261103"]
    emit(sc, "1-claim.837", claim_837("20261104", [dict(
        clm01="PCN2901", patient=p, payer=BLUE, sbr01="S", group="BRGRP777", cob=cob, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L2901A")])]))
    emit(sc, "2-remit.835", remit_835(BLUE, "20261118", "BRCHK2901", [
        clp("PCN2901", "2", "BR26010901", p, [
            line_835("99213", "150", "0", svc, [("OA", "23", "110"), ("CO", "45", "40")],
                     ref6r="L2901A")])]))
    scenario(sc, "Claim billed to the secondary payer BLUE RIVER INSURANCE (60054) after ACME "
                 "paid 110.00 (837 loops 2320/2330A/2330B); BLUE RIVER processes as secondary "
                 "(CLP02 2) and pays 0 (OA-23 110.00 prior payer, CO-45 40.00).",
             "no CLAIM_DENIAL and no LINE_DENIAL (the primary paid; OA-23 is the prior payer's "
             "adjudication).")


def s10():
    sc = "plb-wo-overpayment-recovery"
    p1 = patient("PLBONE", "XTEST3001")
    p2 = patient("PLBTWO", "XTEST3002", "19700606", "M")
    svc = "20261014"
    emit(sc, "1-claim.837", claim_837("20261016", [
        dict(clm01="PCN3001", patient=p1, lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L3001A")]),
        dict(clm01="PCN3002", patient=p2, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L3002A")])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261113", "EFT3001", [
        clp("PCN3001", "1", "ACME26011001", p1, [
            line_835("99214", "200", "160", svc, [("CO", "45", "40")], ref6r="L3001A")]),
        clp("PCN3002", "1", "ACME26011002", p2, [
            line_835("99213", "150", "110", svc, [("CO", "45", "40")], ref6r="L3002A")])],
        plb=[("WO:ACME26011002", "35.00"), ("L6", "-2.10")]))
    scenario(sc, "Two paid claims (160.00 + 110.00) and a PLB: WO overpayment recovery 35.00 "
                 "referencing ACME26011002 (PCN3002) and L6 interest 2.10; BPR02 237.10.",
             "RECOUPMENT 35.00 on PCN3002 (provider-level adjustment); L6 interest kept at "
             "provider level; transaction balanced.")


def s11():
    sc = "unbalanced-claim-and-transaction"
    p = patient("UNBALANCED", "XTEST3101", "19900909", "M")
    svc = "20261015"
    emit(sc, "1-claim.837", claim_837("20261019", [dict(
        clm01="PCN3101", patient=p, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L3101A")])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261116", "EFT3101", [
        clp("PCN3101", "1", "ACME26011101", p, [
            line_835("99213", "150", "100", svc, [("CO", "45", "40")], ref6r="L3101A")])],
        bpr02="95"), balance=False)
    scenario(sc, "DELIBERATELY UNBALANCED 835 (generate.py skips check_balance for it): line "
                 "150 - 40 != 100 (off 10.00), claim 150 - 40 != 100 (off 10.00), BPR02 95 vs "
                 "CLP04 100 (off 5.00).",
             "BALANCING_EXCEPTION at line level (10.00), claim level (10.00) and transaction "
             "level (5.00).")


def s12():
    sc = "denied-then-overturned-after-resubmission"
    p = patient("OVERTURN", "XTEST3201", "19660606", "F")
    svc = "20261001"
    line = dict(proc="99214", charge="200", date=svc, ref6r="L3201A")
    emit(sc, "1-claim.837", claim_837("20261005", [dict(
        clm01="PCN3201", patient=p, lines=[line])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261020", "EFT3201A", [
        clp("PCN3201", "4", "ACME26011201", p, [
            line_835("99214", "200", "0", svc, [("CO", "197", "200")], ref6r="L3201A",
                     lq=["N54"])])]))
    emit(sc, "3-replacement.837", claim_837("20261025", [dict(
        clm01="PCN3201", patient=p, freq="7",
        refs=[("G1", "AUTH3201"), ("F8", "ACME26011201")], lines=[line])]))
    emit(sc, "4-remit.835", remit_835(ACME, "20261120", "EFT3201B", [
        clp("PCN3201", "1", "ACME26011202", p, [
            line_835("99214", "200", "150", svc, [("CO", "45", "50")], ref6r="L3201A")],
            freq="7")]))
    scenario(sc, "Claim denied for missing prior authorization (CO-197, N54; 835 payment date 2026-10-20, BPR01 H), "
                 "replaced (CLM05-3 7, REF*F8 ACME26011201, REF*G1 AUTH3201) and paid 150.00 on "
                 "2026-11-20.",
             "CLAIM_DENIAL from 2-remit.835, then DENIAL_OVERTURNED recovered 150.00 after 31 "
             "days.")


def s13():
    sc = "corrected-claim-new-clm01"
    p = patient("CORRECTED", "XTEST3301", "19740707", "M")
    svc = "20261016"
    emit(sc, "1-claim.837", claim_837("20261020", [dict(
        clm01="PCN3301", patient=p, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L3301A")])]))
    paid = clp("PCN3301", "1", "ACME26011301", p, [
        line_835("99213", "150", "110", svc, [("CO", "45", "40")], ref6r="L3301A")])
    emit(sc, "2-remit.835", remit_835(ACME, "20261102", "EFT3301A", [paid]))
    emit(sc, "3-corrected.837", claim_837("20261105", [dict(
        clm01="PCN3301C", patient=p, freq="7", refs=[("F8", "ACME26011301")], lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L3301C1")])]))
    emit(sc, "4-remit.835", remit_835(ACME, "20261119", "EFT3301B", [
        reversal(paid),
        clp("PCN3301C", "1", "ACME26011302", p, [
            line_835("99214", "200", "150", svc, [("CO", "45", "50")], ref6r="L3301C1")],
            freq="7")]))
    scenario(sc, "Corrected claim under a NEW CLM01 (PCN3301C, frequency 7, REF*F8 "
                 "ACME26011301, 99213 recoded to 99214); the reversal carries the old number "
                 "PCN3301 and the correction the new one; BPR02 40.00.",
             "one case followed across PCN3301 and PCN3301C; no RECOUPMENT (reversed 110.00, "
             "correction paid 150.00: net +40.00).")


def s14():
    sc = "unmatched-service-line"
    p = patient("UNMATCHED", "XTEST3401", "19820202", "F")
    svc = "20261019"
    emit(sc, "1-claim.837", claim_837("20261021", [dict(
        clm01="PCN3401", patient=p, dx=["R3129"], lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L3401A"),
            dict(proc="36415", charge="25", date=svc, ref6r="L3401B")])]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261117", "EFT3401", [
        clp("PCN3401", "1", "ACME26011401", p, [
            line_835("99213", "150", "110", svc, [("CO", "45", "40")], ref6r="L3401A"),
            line_835("36415", "25", "20", svc, [("CO", "45", "5")], ref6r="L3401B"),
            line_835("81002", "15", "12", svc, [("CO", "45", "3")])])]))
    scenario(sc, "The 835 pays both billed lines (REF*6R echoed) and adds a line the provider "
                 "never billed (81002, no REF*6R); CLP03 190.00 vs CLM02 175.00.",
             "UNMATCHED_REMIT at line level for 81002; the two billed lines matched and paid.")


def s15():
    sc = "same-835-twice-new-envelope"
    p = patient("DUPLICATE", "XTEST3501", "19930303", "M")
    svc = "20261020"
    emit(sc, "1-claim.837", claim_837("20261022", [dict(
        clm01="PCN3501", patient=p, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L3501A")])]))
    t = build_835_txn(ACME, "20261110", "EFT3501", [
        clp("PCN3501", "1", "ACME26011501", p, [
            line_835("99213", "150", "0", svc, [("CO", "16", "150")], ref6r="L3501A",
                     lq=["M51"])])], prod_date="20261109")
    emit(sc, "2-remit.835", interchange("835", "ACMEHEALTH", "GOODHEALTH", "20261109", "0900",
                                        [t]))
    emit(sc, "3-remit-resent.835", interchange("835", "ACMEHEALTH", "GOODHEALTH", "20261112",
                                               "1430", [t]))
    scenario(sc, "A zero-pay denial 835 (CO-16, M51; BPR01 H, BPR04 NON, TRN02 EFT3501) re-sent "
                 "by the clearinghouse with identical ST..SE content but a new envelope (ISA13, "
                 "GS06, ISA09/GS04 date and time).",
             "2-remit.835: CLAIM_DENIAL for PCN3501; 3-remit-resent.835: nothing new except an "
             "INTAKE_WARNING that it is a duplicate remittance.")


def s16():
    sc = "replacement-void-claim"
    p1 = patient("VOIDED", "XTEST3601", "19610101", "F")
    p2 = patient("KEPT", "XTEST3602", "19850505", "M")
    svc = "20261021"
    void_line = dict(proc="99213", charge="150", date=svc, ref6r="L3601A")
    emit(sc, "1-claim.837", claim_837("20261023", [
        dict(clm01="PCN3601", patient=p1, lines=[void_line]),
        dict(clm01="PCN3602", patient=p2, lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L3602A")])]))
    paid = clp("PCN3601", "1", "ACME26011601", p1, [
        line_835("99213", "150", "110", svc, [("CO", "45", "40")], ref6r="L3601A")])
    emit(sc, "2-remit.835", remit_835(ACME, "20261104", "EFT3601A", [paid]))
    emit(sc, "3-void.837", claim_837("20261108", [dict(
        clm01="PCN3601", patient=p1, freq="8", refs=[("F8", "ACME26011601")],
        lines=[void_line])]))
    emit(sc, "4-remit.835", remit_835(ACME, "20261118", "EFT3601B", [
        reversal(paid),
        clp("PCN3602", "1", "ACME26011602", p2, [
            line_835("99214", "200", "160", svc, [("CO", "45", "40")], ref6r="L3602A")])]))
    scenario(sc, "Claim paid 110.00, then voided by the provider (CLM05-3 8, REF*F8 "
                 "ACME26011601); the payer reverses the payment (CLP02 22) in an 835 that also "
                 "pays PCN3602 (160.00), BPR02 50.00.",
             "RECOUPMENT 110.00 on PCN3601 (voided claim, no correction); PCN3602 paid, no "
             "findings.")


def s17():
    sc = "reversal-then-correction-paying-more"
    p1 = patient("PAIDMORE", "XTEST3701", "19690303", "F")
    p2 = patient("FILLER", "XTEST3702")
    svc = "20261013"
    emit(sc, "1-claim.837", claim_837("20261015", [
        dict(clm01="PCN3701", patient=p1, dx=["M545"], lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L3701A")]),
        dict(clm01="PCN3702", patient=p2, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L3702A")])]))
    paid = clp("PCN3701", "1", "ACME26011701", p1, [
        line_835("99214", "200", "120", svc, [("CO", "45", "80")], ref6r="L3701A")])
    emit(sc, "2-remit.835", remit_835(ACME, "20261102", "EFT3701A", [paid]))
    emit(sc, "3-remit.835", remit_835(ACME, "20261109", "EFT3701B", [
        reversal(paid),
        clp("PCN3702", "1", "ACME26011703", p2, [
            line_835("99213", "150", "130", svc, [("CO", "45", "20")], ref6r="L3702A")])]))
    emit(sc, "4-remit.835", remit_835(ACME, "20261116", "EFT3701C", [
        clp("PCN3701", "1", "ACME26011702", p1, [
            line_835("99214", "200", "160", svc, [("CO", "45", "40")], ref6r="L3701A")])]))
    scenario(sc, "Payment (120.00), then a reversal alone in a later 835 (with an unrelated paid "
                 "claim PCN3702 so BPR02 = 10.00), then the correction in a third 835 paying "
                 "more (160.00).",
             "after the reversal: RECOUPMENT 120.00 on PCN3701; after the correction: "
             "FINDING_WITHDRAWN for that recoupment (net +40.00, nothing recouped).")


# ---------------------------------------------------------------- denial intelligence scenarios
# (s18-s34: one denial family / recovery pathway each; RARCs checked against the X12 RARC list
# of 2026-03 - all current except M78 in s28, deactivated on purpose)

def denied_claim(sc, pcn, clp07, p, svc, line, group, reason, moa, pay_date, trn02, bht,
                 payer=ACME, claim=None, pos="11", filing=None, status="4", provider=GOOD,
                 taxonomy=None):
    """One claim (one or more 837 lines) denied in full: every line adjusted group-reason,
    claim-level remark codes in MOA. Writes 1-claim.837 and 2-remit.835."""
    lines = line if isinstance(line, list) else [line]
    c = dict(clm01=pcn, patient=p, lines=lines, payer=payer, pos=pos)
    c.update(claim or {})
    emit(sc, "1-claim.837", claim_837(bht, [c], provider=provider, taxonomy=taxonomy))
    emit(sc, "2-remit.835", remit_835(payer, pay_date, trn02, [
        clp(pcn, status, clp07, p, [
            line_835(l["proc"], l["charge"], "0", l["date"], [(group, reason, l["charge"])],
                     units=l.get("units", "1"), mods=l.get("mods", ()), ref6r=l.get("ref6r"))
            for l in lines], moa=moa, pos=pos, filing=filing)], provider=provider))


def s18():
    sc = "denied-co27-coverage-terminated"
    p = patient("TERMINATED", "XTEST3801", "19790214", "M")
    svc = "20261001"
    denied_claim(sc, "PCN3801", "ACME26011801", p, svc,
                 dict(proc="99213", charge="150", date=svc, ref6r="L3801A"),
                 "CO", "27", "N30", "20261021", "EFT3801", "20261005", claim=dict(dx=["J069"]))
    scenario(sc, "Office visit 99213 (2026-10-01) after the member's ACME coverage ended: denied "
                 "CO-27 (expenses incurred after coverage terminated) 150.00 with RARC N30 "
                 "(patient ineligible) at claim level (MOA); CLP02 4, paid 0, BPR01 H, BPR02 0.",
             "one CLAIM_DENIAL for PCN3801 (family ELIGIBILITY: verify coverage, bill the patient "
             "or the new payer); no LINE_DENIAL.")


def s19():
    sc = "denied-co197-auth-never-sent-ortho"
    p = patient("ARTHROSCOPY", "XTEST3901", "19710530", "M")
    svc = "20261002"
    denied_claim(sc, "PCN3901", "ACME26011901", p, svc,
                 dict(proc="29881", mods=["RT"], charge="4200", date=svc, ref6r="L3901A"),
                 "CO", "197", "M62", "20261022", "EFT3901", "20261006", pos="24",
                 taxonomy="207X00000X", claim=dict(dx=["M23221"]))
    scenario(sc, "Knee arthroscopy with meniscectomy 29881-RT (4,200.00) at an ambulatory surgical "
                 "center (place of service 24, CLM05-1), billed under orthopaedic surgery "
                 "taxonomy 207X00000X (PRV*BI), with NO prior authorization on the claim (no "
                 "REF*G1); denied CO-197 with RARC M62 (missing authorization) at claim level.",
             "one CLAIM_DENIAL for PCN3901 (family AUTHORIZATION; the authorization was never "
             "sent: obtain a retro-authorization, then resubmit).")


def s20():
    sc = "denied-co197-auth-on-file"
    p = patient("AUTHONFILE", "XTEST4001", "19680919", "F")
    svc = "20261005"
    denied_claim(sc, "PCN4001", "ACME26012001", p, svc,
                 dict(proc="73721", mods=["RT"], charge="1450", date=svc, ref6r="L4001A"),
                 "CO", "197", "N54", "20261023", "EFT4001", "20261007",
                 claim=dict(dx=["M25561"], refs=[("G1", "AUTH4401")]))
    scenario(sc, "MRI of the knee 73721-RT (1,450.00) billed WITH prior authorization REF*G1 "
                 "AUTH4401 on the 837 claim; ACME still denies CO-197 (authorization absent) with "
                 "RARC N54 (claim inconsistent with authorized services) at claim level.",
             "one CLAIM_DENIAL for PCN4001 (family AUTHORIZATION, but the authorization AUTH4401 "
             "was on the claim: appeal with it rather than request a new one).")


def s21():
    sc = "denied-co50-medical-necessity-gi"
    p = patient("COLONOSCOPY", "XTEST4101", "19620704", "M")
    svc = "20261006"
    denied_claim(sc, "PCN4101", "ACME26012101", p, svc,
                 dict(proc="45378", charge="1800", date=svc, ref6r="L4101A"),
                 "CO", "50", "N115", "20261026", "EFT4101", "20261008", pos="22",
                 taxonomy="207RG0100X", claim=dict(dx=["R194"]))
    scenario(sc, "Diagnostic colonoscopy 45378 (1,800.00) in an on-campus outpatient hospital "
                 "(place of service 22), billed under gastroenterology taxonomy 207RG0100X; denied "
                 "CO-50 (not medically necessary) with RARC N115 (decision based on a Local "
                 "Coverage Determination) at claim level.",
             "one CLAIM_DENIAL for PCN4101 (family MEDICAL_NECESSITY: appeal with the records "
             "against the LCD criteria).")


def s22():
    sc = "denied-co16-n290-missing-rendering-npi"
    p = patient("NORENDERING", "XTEST4201", "19850812", "F")
    svc = "20261007"
    denied_claim(sc, "PCN4201", "ACME26012201", p, svc,
                 dict(proc="99214", charge="200", date=svc, ref6r="L4201A"),
                 "CO", "16", ["N290", "MA130"], "20261027", "EFT4201", "20261009",
                 claim=dict(dx=["J0190"]))
    scenario(sc, "Office visit 99214 billed by the clinic (an organization, NM1*85*2) without a "
                 "rendering provider loop (no 2310B NM1*82); denied CO-16 (claim lacks "
                 "information) with RARCs N290 (missing rendering provider identifier) and MA130 "
                 "(unprocessable, no appeal rights) at claim level.",
             "one CLAIM_DENIAL for PCN4201 (family MISSING_INFORMATION, CAQH CORE business "
             "scenario 2: correct the claim - add the rendering provider - and resubmit, no "
             "appeal).")


def s23():
    sc = "denied-co252-records-requested"
    p = patient("RECORDS", "XTEST4301", "19590123", "M")
    svc = "20261008"
    denied_claim(sc, "PCN4301", "ACME26012301", p, svc,
                 dict(proc="99215", charge="250", date=svc, ref6r="L4301A"),
                 "CO", "252", "N706", "20261028", "EFT4301", "20261012",
                 claim=dict(dx=["E1165", "I10"]))
    scenario(sc, "Office visit 99215 (250.00) denied CO-252 (an attachment/other documentation "
                 "is required) with RARC N706 (missing documentation) at claim level.",
             "one CLAIM_DENIAL for PCN4301 (family DOCUMENTATION, CAQH CORE business scenario 1: "
             "send the records as an attachment).")


def s24():
    sc = "denied-co29-timely-filing"
    p = patient("LATEFILING", "XTEST4401", "19770306", "F")
    svc = "20250902"
    denied_claim(sc, "PCN4401", "ACME26012401", p, svc,
                 dict(proc="99213", charge="150", date=svc, ref6r="L4401A"),
                 "CO", "29", None, "20261021", "EFT4401", "20261005", claim=dict(dx=["M545"]))
    scenario(sc, "Office visit 99213 on 2025-09-02 first billed on 2026-10-05 (837 BHT04, more "
                 "than a year after the service); denied CO-29 (time limit for filing has "
                 "expired), no remark code.",
             "one CLAIM_DENIAL for PCN4401 (family TIMELY_FILING: appeal only with proof of "
             "timely filing, otherwise write off).")


def s25():
    sc = "denied-oa18-duplicate"
    p = patient("RESENT", "XTEST4501", "19900417", "F")
    svc = "20261009"
    c = dict(clm01="PCN4501", patient=p, dx=["J029"], lines=[
        dict(proc="99213", charge="150", date=svc, ref6r="L4501A")])
    emit(sc, "1-claim.837", claim_837("20261013", [c]))
    emit(sc, "2-remit.835", remit_835(ACME, "20261028", "EFT4501A", [
        clp("PCN4501", "1", "ACME26012501", p, [
            line_835("99213", "150", "110", svc, [("CO", "45", "40")], ref6r="L4501A")])]))
    emit(sc, "3-claim-resent.837", claim_837("20261102", [c]))
    emit(sc, "4-remit.835", remit_835(ACME, "20261118", "EFT4501B", [
        clp("PCN4501", "4", "ACME26012502", p, [
            line_835("99213", "150", "0", svc, [("OA", "18", "150")], ref6r="L4501A")],
            moa="N522")]))
    scenario(sc, "Claim PCN4501 (99213) paid 110.00 (CO-45 40.00) on 2026-10-28; the provider "
                 "re-sends the same claim in a new 837 (same CLM01, frequency 1, BHT04 "
                 "2026-11-02) and ACME denies it OA-18 (exact duplicate) with RARC N522 under a "
                 "new payer claim number ACME26012502 (paid 0, BPR01 H).",
             "2-remit.835: nothing (paid). 4-remit.835: one CLAIM_DENIAL for PCN4501 (family "
             "DUPLICATE: the original was already paid, no action but stop re-sending).")


def s26():
    sc = "denied-co22-other-payer-primary"
    p = patient("OTHERPRIMARY", "BRTEST4601", "19810925", "M")
    svc = "20261012"
    denied_claim(sc, "PCN4601", "BR26012601", p, svc,
                 dict(proc="99213", charge="150", date=svc, ref6r="L4601A"),
                 "CO", "22", "MA04", "20261029", "BRCHK4601", "20261014", payer=BLUE,
                 claim=dict(group="BRGRP777", dx=["J209"]))
    scenario(sc, "Claim billed to BLUE RIVER INSURANCE (60054) as primary (SBR01 P, no other "
                 "payer loops); BLUE RIVER denies CO-22 (care may be covered by another payer per "
                 "coordination of benefits) with RARC MA04 (primary payer information missing) at "
                 "claim level.",
             "one CLAIM_DENIAL for PCN4601 (family COORDINATION_OF_BENEFITS: bill the primary "
             "payer first, then BLUE RIVER as secondary).")


def s27():
    sc = "denied-co96-non-covered-cosmetic"
    p = patient("EYELID", "XTEST4701", "19640611", "F")
    svc = "20261013"
    denied_claim(sc, "PCN4701", "ACME26012701", p, svc,
                 dict(proc="15823", mods=["50"], charge="2600", date=svc, ref6r="L4701A"),
                 "CO", "96", ["N130", "N425"], "20261030", "EFT4701", "20261015",
                 claim=dict(dx=["H02834", "H02831"]))
    scenario(sc, "Bilateral upper-eyelid blepharoplasty 15823-50 (2,600.00) denied CO-96 "
                 "(non-covered charges) with RARCs N130 (consult plan benefit documents) and N425 "
                 "(statutorily excluded) at claim level.",
             "one CLAIM_DENIAL for PCN4701 (family NON_COVERED, CAQH CORE business scenario 3: "
             "bill the patient if an advance notice was signed, otherwise write off).")


def s28():
    sc = "line-denial-co4-m78-anesthesia"
    p = patient("ANESTHESIA", "XTEST4801", "19520315", "M")
    svc = "20261014"
    emit(sc, "1-claim.837", claim_837("20261016", [dict(
        clm01="PCN4801", patient=p, dx=["K635"], lines=[
            dict(proc="00810", mods=["AA"], charge="900", basis="MJ", units="45", date=svc,
                 ref6r="L4801A"),
            dict(proc="99100", charge="100", date=svc, ref6r="L4801B")], pos="24")],
        taxonomy="207L00000X"))
    emit(sc, "2-remit.835", remit_835(ACME, "20261102", "EFT4801", [
        clp("PCN4801", "1", "ACME26012801", p, [
            line_835("00810", "900", "560", svc, [("CO", "45", "340")], units="45", mods=["AA"],
                     ref6r="L4801A", b6="560"),
            line_835("99100", "100", "0", svc, [("CO", "4", "100")], ref6r="L4801B",
                     lq=["M78"])], pos="24")]))
    scenario(sc, "Anesthesia claim (colonoscopy at an ambulatory surgical center, place of "
                 "service 24) billed under anesthesiology taxonomy 207L00000X: 00810-AA "
                 "(45 minutes, SV103 MJ) paid 560.00; the qualifying-circumstance add-on 99100 "
                 "(patient over 70) denied CO-4 (procedure inconsistent with the modifier) with "
                 "line RARC M78, which is DEACTIVATED in the RARC list (stop date 2006-05-18) - on "
                 "purpose.",
             "one LINE_DENIAL for 99100 (line L4801B; family CODING) carrying a code warning that "
             "M78 is deactivated; no CLAIM_DENIAL (claim paid 560.00).")


def s29():
    sc = "denied-cob7-provider-not-credentialed"
    p = patient("THERAPY", "XTEST4901", "19731108", "F")
    svc = "20261015"
    rendering = ["NM1*82*1*TESTPROVIDER*ROBIN****XX*1938475625",   # 2310B rendering provider
                 "PRV*PE*PXC*225100000X"]
    denied_claim(sc, "PCN4901", "ACME26012901", p, svc,
                 dict(proc="97110", mods=["GP"], charge="100", units="2", date=svc,
                      ref6r="L4901A"),
                 "CO", "B7", "N570", "20261103", "EFT4901", "20261019",
                 claim=dict(dx=["M6281"], providers=rendering))
    scenario(sc, "Physical therapy 97110-GP (2 units, 100.00) performed by rendering physical "
                 "therapist ROBIN TESTPROVIDER (2310B NM1*82, NPI 1938475625, taxonomy 225100000X) "
                 "who is not credentialed with ACME; denied CO-B7 (provider not certified/eligible "
                 "on this date of service) with RARC N570 (missing/invalid credentialing data) at "
                 "claim level.",
             "one CLAIM_DENIAL for PCN4901 (family PROVIDER_ENROLLMENT: complete credentialing, "
             "then resubmit within the filing limit).")


def s30():
    sc = "recoupment-correction-moves-to-deductible"
    p1 = patient("DEDUCTIBLE", "XTEST5001", "19870228", "M")
    p2 = patient("FILLER", "XTEST5002")
    svc = "20261016"
    emit(sc, "1-claim.837", claim_837("20261020", [
        dict(clm01="PCN5001", patient=p1, dx=["I10"], lines=[
            dict(proc="99214", charge="200", date=svc, ref6r="L5001A")]),
        dict(clm01="PCN5002", patient=p2, lines=[
            dict(proc="99213", charge="150", date=svc, ref6r="L5002A")])]))
    paid = clp("PCN5001", "1", "ACME26013001", p1, [
        line_835("99214", "200", "150", svc, [("CO", "45", "50")], ref6r="L5001A")])
    emit(sc, "2-remit.835", remit_835(ACME, "20261104", "EFT5001A", [paid]))
    emit(sc, "3-remit.835", remit_835(ACME, "20261202", "EFT5001B", [
        reversal(paid),
        clp("PCN5001", "1", "ACME26013002", p1, [
            line_835("99214", "200", "60", svc, [("CO", "45", "50"), ("PR", "1", "90")],
                     ref6r="L5001A", b6="150")]),
        clp("PCN5002", "1", "ACME26013003", p2, [
            line_835("99213", "150", "110", svc, [("CO", "45", "40")], ref6r="L5002A")])]))
    scenario(sc, "99214 paid 150.00 (2026-11-04); a later 835 (2026-12-02) reverses it (CLP02 22) "
                 "and corrects it (CLP02 1) paying 60.00 because the deductible was applied late "
                 "(PR-1 90.00, allowed still 150.00); an unrelated paid claim PCN5002 (110.00) "
                 "keeps BPR02 positive (20.00).",
             "RECOUPMENT 90.00 on PCN5001 (reversed 150.00, correction paid 60.00; family "
             "PATIENT_RESPONSIBILITY: the 90.00 moved to the deductible, bill the patient); "
             "PCN5002 paid, no findings.")


def s31():
    sc = "line-denial-co11-dx-mismatch-hopd"
    p = patient("LABWORK", "XTEST5101", "19760819", "F")
    svc = "20261019"
    emit(sc, "1-claim.837", claim_837("20261021", [dict(
        clm01="PCN5101", patient=p, pos="22", dx=["R5383"], lines=[
            dict(proc="80053", charge="120", date=svc, ref6r="L5101A"),
            dict(proc="83036", charge="80", date=svc, ref6r="L5101B")])],
        provider=HOSPITAL))
    emit(sc, "2-remit.835", remit_835(ACME, "20261105", "EFT5101", [
        clp("PCN5101", "1", "ACME26013101", p, [
            line_835("80053", "120", "45", svc, [("CO", "45", "75")], ref6r="L5101A", b6="45"),
            line_835("83036", "80", "0", svc, [("CO", "11", "80")], ref6r="L5101B",
                     lq=["M76"])], pos="22")], provider=HOSPITAL))
    scenario(sc, "Hospital outpatient lab claim (837P, place of service 22) from PRAIRIE VIEW "
                 "GENERAL HOSPITAL (NPI 1276593849, taxonomy 282N00000X general acute care "
                 "hospital): metabolic panel 80053 paid 45.00; HbA1c 83036 denied CO-11 "
                 "(diagnosis inconsistent with the procedure; only R53.83 fatigue billed) with "
                 "line RARC M76 (missing/incomplete/invalid diagnosis).",
             "one LINE_DENIAL for 83036 (line L5101B; family CODING: correct the diagnosis "
             "coding and resubmit); no CLAIM_DENIAL (claim paid 45.00).")


def s32():
    sc = "denied-co16-n479-payer-override-blue-river"
    p = patient("NOEOB", "BRTEST5201", "19830721", "F")
    svc = "20261020"
    cob = ["SBR*P*18*GRP12345******CI",           # 2320 other subscriber: ACME primary,
           "OI***Y***Y",                          # but no CAS / AMT*D / DTP*573: the primary's
           "NM1*IL*1*TESTPATIENT*NOEOB****MI*XTEST5201",   # adjudication (EOB) is missing
           "NM1*PR*2*ACME HEALTH PLAN*****PI*87726"]
    denied_claim(sc, "PCN5201", "BR26013201", p, svc,
                 dict(proc="99213", charge="150", date=svc, ref6r="L5201A"),
                 "CO", "16", "N479", "20261110", "BRCHK5201", "20261026", payer=BLUE,
                 status="2", claim=dict(sbr01="S", group="BRGRP777", cob=cob, dx=["J0190"]))
    scenario(sc, "Claim billed to BLUE RIVER INSURANCE (60054) as secondary (SBR01 S, ACME named "
                 "as primary in 2320/2330B) but without the primary's adjudication (no CAS, AMT*D "
                 "or DTP*573); BLUE RIVER processes as secondary (CLP02 2) and pays 0: CO-16 with "
                 "RARC N479 (missing explanation of benefits) at claim level.",
             "one CLAIM_DENIAL for PCN5201 (the general rule COB-PRIMARY-EOB-MISSING would say "
             "COORDINATION_OF_BENEFITS, correct and resubmit with the primary's EOB; the example "
             "payer override BLUE-RIVER-EOB-RECONSIDERATION for 60054 fires first: appeal by "
             "reconsideration with the EOB attached).")


def s33():
    sc = "nsa-emergency-out-of-network-underpaid"
    p1 = patient("ERVISITONE", "SMTEST5301", "19880103", "M")
    p2 = patient("ERVISITTWO", "SMTEST5302", "19950612", "F")
    d1, d2 = "20261005", "20261008"

    def er(pcn, p, svc, dx, ref):
        return dict(clm01=pcn, patient=p, payer=SUMMIT, group="SMGRP500", pos="23", dx=dx,
                    lines=[dict(proc="99285", charge="1200", date=svc, ref6r=ref,
                                emergency=True)])

    emit(sc, "1-claim.837", claim_837("20261012", [
        er("PCN5301", p1, d1, ["R079"], "L5301A"),
        er("PCN5302", p2, d2, ["S0990XA"], "L5302A")], provider=CITYWIDE))

    def paid(pcn, clp07, p, svc, ref):
        return clp(pcn, "1", clp07, p, [
            line_835("99285", "1200", "320", svc, [("CO", "45", "730"), ("PR", "2", "150")],
                     ref6r=ref, b6="470")], moa=["N864", "N877"], pos="23")

    emit(sc, "2-remit.835", remit_835(SUMMIT, "20261106", "SMEFT5301", [
        paid("PCN5301", "SM26013301", p1, d1, "L5301A"),
        paid("PCN5302", "SM26013302", p2, d2, "L5302A")], provider=CITYWIDE))
    scenario(sc, "Out-of-network emergency care under the No Surprises Act: CITYWIDE EMERGENCY "
                 "PHYSICIANS (NPI 1582036418, TIN 364455667, taxonomy 207P00000X, no contract "
                 "with the payer) bills SUMMIT MUTUAL HEALTH (54771, SBR09 / CLP06 CI) for two ER "
                 "visits 99285 (place of service 23, SV109 emergency Y) for two patients on "
                 "2026-10-05 and 2026-10-08, 1,200.00 each; one 835 pays each 320.00 with "
                 "CO-45 730.00 and PR-2 150.00 (coinsurance; CLP05 150.00) and claim-level "
                 "RARCs N864 (NSA emergency services) and N877 (NSA initial payment, open "
                 "negotiation available); BPR02 640.00.",
             "no CLAIM_DENIAL and no LINE_DENIAL; an UNDERPAYMENT of kind NSA_INITIAL_PAYMENT for "
             "PCN5301 and for PCN5302 (expected 1,200.00 billed, actual 470.00 = paid 320.00 + "
             "coinsurance 150.00, variance 730.00; pathway ESCALATE_DISPUTE, open negotiation by "
             "2026-12-21), both with the same dispute batch key (same provider, payer and "
             "service code, dates 3 days apart: one open-negotiation/IDR batch).")


def s34():
    sc = "nsa-air-ambulance-denied"
    p = patient("AIRLIFT", "SMTEST5401", "19690927", "M")
    svc = "20261009"
    transport = ["CR1*LB*185**A*DH*42",            # 2300 ambulance transport: weight, reason A,
                 "CRC*07*Y*01"]                     # 42 miles; certification: admitted
    sites = ["NM1*PW*2",                            # 2310E pick-up location (accident scene)
             "N3*INTERSTATE 55 MILE MARKER 92",
             "N4*LINCOLN*IL*62656",
             "NM1*45*2*PRAIRIE VIEW GENERAL HOSPITAL",   # 2310F drop-off location
             "N3*500 HOSPITAL DR",
             "N4*SPRINGFIELD*IL*627030000"]
    denied_claim(sc, "PCN5401", "SM26013401", p, svc, [
        dict(proc="A0431", mods=["SH"], charge="18500", date=svc, ref6r="L5401A"),
        dict(proc="A0436", mods=["SH"], charge="4200", units="42", date=svc, ref6r="L5401B")],
        "CO", "50", "N866", "20261109", "SMEFT5401", "20261014", payer=SUMMIT, pos="42",
        provider=SKYLIFT,
        claim=dict(group="SMGRP500", dx=["S72001A"], x2300=transport, providers=sites))
    scenario(sc, "Rotary-wing air ambulance transport by SKYLIFT AIR MEDICAL (NPI 1647309529, "
                 "taxonomy 3416A0800X, out of network) billed to SUMMIT MUTUAL HEALTH (54771): "
                 "A0431-SH (1 unit, 18,500.00) and mileage A0436-SH (42 units, 4,200.00), place "
                 "of service 42 (CR1/CRC, pick-up and drop-off loops); denied CO-50 (not medically "
                 "necessary) with RARC N866 (No Surprises Act, air ambulance) at claim level; "
                 "paid 0, BPR01 H.",
             "one CLAIM_DENIAL for PCN5401 (22,700.00; pathway ESCALATE_DISPUTE: a No Surprises "
             "Act air ambulance claim, escalate to the NSA dispute process).")


def s35():
    sc = "nsa-air-ambulance-and-ortho-one-payer"
    # the ortho group's own contract with LAKESHORE (billing_npi); no payer-wide row, and none for
    # the air ambulance provider
    emit_text(sc, "contract.csv",
              "# RIVERBEND ORTHOPAEDIC GROUP's contract with LAKESHORE COMMUNITY HEALTH (39026);\n"
              "# SKYLIFT AIR MEDICAL has none with this payer.\n"
              + CONTRACT_HEADER.strip() + ",billing_npi,billing_tin\n"
              + "39026,29881,,2400.00,2026-01-01,2026-12-31,%s,\n" % RIVERBEND["npi"]
              + "39026,29880,,2300.00,2026-01-01,2026-12-31,%s,\n" % RIVERBEND["npi"]
              + "39026,27447,,5200.00,2026-01-01,2026-12-31,%s,\n" % RIVERBEND["npi"])
    transport = ["CR1*LB*170**A*DH*38", "CRC*07*Y*01"]
    a1 = patient("AIRONE", "LKTEST6101", "19610214", "M")
    a2 = patient("AIRTWO", "LKTEST6102", "19740530", "F")
    d1, d2 = "20261005", "20261008"

    def air(pcn, p, svc, ref):
        return dict(clm01=pcn, patient=p, payer=LAKESHORE, group="LKGRP390", pos="42",
                    dx=["S72001A"], x2300=transport, lines=[
                        dict(proc="A0431", mods=["SH"], charge="18500", date=svc,
                             ref6r=ref + "A"),
                        dict(proc="A0436", mods=["SH"], charge="4200", units="42", date=svc,
                             ref6r=ref + "B")])

    emit(sc, "1-claims-air-ambulance.837", claim_837("20261014", [
        air("PCN6101", a1, d1, "L6101"), air("PCN6102", a2, d2, "L6102")], provider=SKYLIFT))
    o1 = patient("KNEE", "LKTEST6201", "19790311", "M")
    o2 = patient("HIP", "LKTEST6202", "19520704", "F")
    d3, d4 = "20261007", "20261009"
    emit(sc, "2-claims-ortho.837", claim_837("20261016", [
        dict(clm01="PCN6201", patient=o1, payer=LAKESHORE, group="LKGRP390", pos="24",
             dx=["S83241A"], lines=[dict(proc="29881", mods=["RT"], charge="4200", date=d3,
                                         ref6r="L6201A")]),
        dict(clm01="PCN6202", patient=o2, payer=LAKESHORE, group="LKGRP390", pos="21",
             dx=["S72001A"], lines=[dict(proc="27236", mods=["RT"], charge="9800", date=d4,
                                         ref6r="L6202A")])], provider=RIVERBEND))

    def air_paid(pcn, clp07, p, svc, ref, moa=None):
        return clp(pcn, "1", clp07, p, [
            line_835("A0431", "18500", "6000", svc, [("CO", "45", "11000"), ("PR", "2", "1500")],
                     mods=["SH"], ref6r=ref + "A", b6="7500"),
            line_835("A0436", "4200", "1260", svc, [("CO", "45", "2520"), ("PR", "2", "420")],
                     units="42", mods=["SH"], ref6r=ref + "B", b6="1680")], moa=moa, pos="42")

    emit(sc, "3-remit-air-ambulance.835", remit_835(LAKESHORE, "20261110", "LKEFT6101", [
        air_paid("PCN6101", "LK26016101", a1, d1, "L6101"),
        air_paid("PCN6102", "LK26016102", a2, d2, "L6102", moa=["N866", "N877"])],
        provider=SKYLIFT))
    emit(sc, "4-remit-ortho.835", remit_835(LAKESHORE, "20261112", "LKEFT6201", [
        clp("PCN6201", "1", "LK26016201", o1, [
            line_835("29881", "4200", "1600", d3, [("CO", "45", "2200"), ("PR", "2", "400")],
                     mods=["RT"], ref6r="L6201A", b6="2000")], pos="24"),
        clp("PCN6202", "1", "LK26016202", o2, [
            line_835("27236", "9800", "2480", d4, [("CO", "45", "6700"), ("PR", "2", "620")],
                     mods=["RT"], ref6r="L6202A", b6="3100")], moa=["N864", "N877"],
            pos="21")], provider=RIVERBEND))
    scenario(sc, "One payer, two billing providers, one analyze run. LAKESHORE COMMUNITY HEALTH "
                 "(39026; in the example payers.csv without a network status) is billed by the "
                 "air ambulance provider SKYLIFT AIR MEDICAL (NPI 1647309529, no contract with "
                 "this payer) and by RIVERBEND ORTHOPAEDIC GROUP (NPI 1758392041, TIN 371122334, "
                 "taxonomy 207X00000X), whose own contract rows (contract.csv, billing_npi) rate "
                 "29881, 29880 and 27447. Air: PCN6101 (2026-10-05) and PCN6102 (2026-10-08), "
                 "each A0431-SH 18,500.00 + A0436-SH 42 units 4,200.00, each paid 6,000.00 + "
                 "1,260.00 (CO-45, PR-2); PCN6102 also carries the payer's NSA remarks N866 and "
                 "N877 (MOA). Ortho: PCN6201 29881-RT 4,200.00 at an ASC, allowed 2,000.00 (paid "
                 "1,600.00 + PR-2 400.00), no remark; PCN6202 27236-RT 9,800.00 (inpatient, no "
                 "contract rate for the code), allowed 3,100.00 (paid 2,480.00 + PR-2 620.00) "
                 "with the payer's NSA remarks N864 and N877.",
             "PCN6101 and PCN6102: an UNDERPAYMENT NSA_INITIAL_PAYMENT per line (A0431 expected "
             "18,500.00, actual 7,500.00; A0436 expected 4,200.00, actual 1,680.00; "
             "ESCALATE_DISPUTE, one dispute batch key per code), network OUT_OF_NETWORK, "
             "networkBasis NO_CONTRACT: the ortho group's contract does not put the air ambulance "
             "in network (with or without the payer's remarks). PCN6201: UNDERPAYMENT "
             "BELOW_CONTRACT (2,400.00 contracted for this provider, contract.billingNpi "
             "1758392041, variance 400.00; APPEAL), network IN_NETWORK, networkBasis CONTRACT_ROW "
             "contract.csv:4. PCN6202: UNDERPAYMENT NSA_INITIAL_PAYMENT (expected 9,800.00, "
             "actual 3,100.00, variance 6,700.00; ESCALATE_DISPUTE), network OUT_OF_NETWORK, "
             "networkBasis PAYER_REMARK (RARC N864 N877), and the rationale says the "
             "configuration (contract row contract.csv:4) and the payer disagree; before the "
             "payer's remark decided, this claim gave no record at all.")


def top_readme():
    rows = ["| Scenario | What it shows | Records expected |", "|---|---|---|"]
    for d, shows, expected in SCENARIOS:
        rows.append("| [`%s/`](%s/) | %s | %s |" % (d, d, shows.replace("|", "/"),
                                                      expected.replace("|", "/")))
    text = """# X12 claim/remittance scenarios

Synthetic, fictional 837P (005010X222A1) and 835 (005010X221A1) files, one directory per
scenario. Files are numbered so that lexical order is the real-world order (`1-claim.837`,
`2-remit.835`, ...); 837 BHT04 is the claim creation date and 835 BPR16 the payment date (DTM*405
the production date, one day earlier). Directories that need a contract have a `contract.csv`
(`payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to`, allowed amount per
unit, empty modifier = any).

Common parties: provider GOOD HEALTH CLINIC (NPI 1234567893, TIN 371234567; some scenarios bill
it under another specialty taxonomy in PRV\*BI); payer ACME HEALTH PLAN (87726) and, in the
secondary-payer, other-payer-primary and payer-override scenarios, BLUE RIVER INSURANCE (60054).
The No Surprises Act scenarios use the out-of-network payer SUMMIT MUTUAL HEALTH (54771) and the
providers CITYWIDE EMERGENCY PHYSICIANS (NPI 1582036418) and SKYLIFT AIR MEDICAL (NPI
1647309529); the hospital outpatient lab scenario is billed by PRAIRIE VIEW GENERAL HOSPITAL (NPI
1276593849). The network-per-provider scenario has the payer LAKESHORE COMMUNITY HEALTH (39026)
billed by SKYLIFT AIR MEDICAL and RIVERBEND ORTHOPAEDIC GROUP (NPI 1758392041); its
`contract.csv` has the optional provider columns `billing_npi,billing_tin`. ISA13 is unique across all files (0000030NN for 837s, 0000040NN for 835s). Every 835
balances at line, claim and transaction level except `unbalanced-claim-and-transaction/`, which is
unbalanced on purpose.

%s

## Regenerate

```
cd testdata/scenarios && python3 generate.py
cd ../.. && bin/x12gw validate testdata/scenarios/*/*.83?
```

`generate.py` (Python 3, standard library only) rewrites every file in these directories,
including the READMEs, and fails if an envelope count/control number is wrong or an 835 does not
balance (`check_balance`).
""" % "\n".join(rows)
    with open(os.path.join(HERE, "README.md"), "w", newline="") as f:
        f.write(text)
    WRITTEN.append("README.md")


def main():
    for f in (s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14, s15, s16,
              s17, s18, s19, s20, s21, s22, s23, s24, s25, s26, s27, s28, s29, s30, s31, s32,
              s33, s34, s35):
        f()
    top_readme()
    for w in WRITTEN:
        print(w)
    print("%d files written" % len(WRITTEN))


if __name__ == "__main__":
    main()
