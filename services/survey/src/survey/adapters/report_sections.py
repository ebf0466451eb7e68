"""Bab III–V of the SKM report: results, analysis with the follow-up plan, closing and signature."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table

from survey.adapters.pdf_common import HEAD_BG, LINE, WIDTH, grid, id_int, long_date, para, rich, tstyle
from survey.adapters.report_charts import ipa_diagram, trend_line, unsur_bars
from survey.domain.ikm import fmt2_id
from survey.domain.ipa import QUADRANTS
from survey.domain.report import DEMOGRAPHIC_TITLES, ReportData


def _percent(count: int, total: int) -> str:
    return "-" if total == 0 else f"{count * 100 / total:.2f}".replace(".", ",") + " %"


def _profile(data: ReportData) -> list:
    if data.recap.empty or not any(data.demographics.values()):
        return [para("Belum ada data responden pada periode ini.")]
    tables = []
    for key, title in DEMOGRAPHIC_TITLES.items():
        rows = data.demographics.get(key) or []
        total = sum(c for _, c in rows)
        body = [[label, id_int(c), _percent(c, total)] for label, c in rows]
        body.append(["Jumlah", id_int(total), _percent(total, total)])
        half = WIDTH / 2 - 4 * mm
        tables.append([para(title, "section"),
                       grid([title, "Jumlah", "%"], body, [half * 0.52, half * 0.22, half * 0.26],
                            ["l", "c", "c"], total_rows=1)])
    pairs = [tables[i:i + 2] for i in range(0, len(tables), 2)]
    flow: list = []
    for pair in pairs:
        cells = [[item] for item in pair] + [[""]] * (2 - len(pair))
        outer = Table([[cells[0], cells[1]]], colWidths=[WIDTH / 2, WIDTH / 2])
        outer.setStyle(tstyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm)]))
        flow += [outer, Spacer(1, 3 * mm)]
    return flow


def _recap_table(data: ReportData) -> Table:
    r = data.recap
    rows = [[str(u.unsur), u.name, id_int(u.total), fmt2_id(u.nrr), fmt2_id(u.weighted),
             fmt2_id(u.converted), u.grade.letter if u.grade else "-"] for u in r.unsur]
    rows.append(["", "Jumlah NRR tertimbang (IKM)", "", "", fmt2_id(r.ikm), "", ""])
    rows.append(["", "IKM unit pelayanan (IKM × 25)", "", "", "", fmt2_id(r.converted),
                 r.grade.letter if r.grade else "-"])
    w = WIDTH
    return grid(["No", "Unsur Pelayanan", "Jumlah Nilai", "NRR", "NRR Tertimbang",
                 "Nilai Konversi", "Mutu"], rows,
                [w * 0.06, w * 0.36, w * 0.11, w * 0.1, w * 0.13, w * 0.13, w * 0.11],
                ["c", "l", "c", "c", "c", "c", "c"], total_rows=2)


def _complaints(data: ReportData) -> list:
    """The period's complaint figures beside unsur 8 (Penanganan Pengaduan, Saran dan Masukan)."""
    c = data.complaints
    if c is None:
        return []
    u8 = data.recap.unsur[7] if len(data.recap.unsur) >= 8 else None
    value = f" (nilai konversi unsur 8: {fmt2_id(u8.converted)})" if u8 is not None and not data.recap.empty else ""
    w = WIDTH
    return [Spacer(1, 3 * mm), para("Penanganan pengaduan pada periode ini (unsur 8, Penanganan Pengaduan, "
                                    "Saran dan Masukan" + value + "), melalui kanal pengaduan unit layanan; "
                                    "kanal nasional: SP4N-LAPOR! (www.lapor.go.id).", "caption"),
            grid(["Diterima", "Diverifikasi", "Dijawab/ditindaklanjuti", "Selesai", "Melewati batas waktu"],
                 [[id_int(c.received), id_int(c.verified), id_int(c.answered), id_int(c.closed),
                   id_int(c.overdue)]], [w * 0.18, w * 0.18, w * 0.24, w * 0.16, w * 0.24],
                 ["c", "c", "c", "c", "c"])]


def _ikm_box(data: ReportData) -> list:
    r = data.recap
    if r.empty:
        return [para("Belum ada kuesioner yang terisi pada periode ini, sehingga IKM belum dapat "
                     "dihitung.")]
    box = Table([[para("NILAI IKM", "head"), para("MUTU PELAYANAN", "head"),
                  para("KINERJA UNIT PELAYANAN", "head")],
                 [rich(f"<b>{fmt2_id(r.converted)}</b>", "title"),
                  rich(f"<b>{r.grade.letter}</b>", "title"), rich(f"<b>{r.grade.label}</b>",
                                                                  "subtitle")]],
                colWidths=[WIDTH / 3] * 3)
    box.setStyle(tstyle([("BOX", (0, 0), (-1, -1), 1, LINE), ("GRID", (0, 0), (-1, -1), .5, LINE),
                             ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("TOPPADDING", (0, 1), (-1, 1), 8), ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]))
    return [KeepTogether([box, Spacer(1, 2 * mm), para(
        f"Sebagai pembanding saja: perhitungan dengan bobot yang dibulatkan 0,111 (cara lama) "
        f"menghasilkan {fmt2_id(r.legacy_converted)} (mutu {r.legacy_grade.letter}). Nilai resmi "
        "adalah yang dihitung dengan bobot tepat 1/9 di atas.", "small")])]


def _ipa(data: ReportData) -> list:
    ipa = data.recap.ipa
    if ipa is None:
        return [para("Analisis belum dapat dilakukan karena belum ada responden.")]
    rows = [[str(p.unsur), data.recap.unsur[p.unsur - 1].name, fmt2_id(p.performance),
             fmt2_id(p.importance), fmt2_id(p.conformity),
             f"{p.quadrant} ({p.quadrant_label})"] for p in ipa.points]
    rows.append(["", "Rata-rata / kesesuaian keseluruhan", fmt2_id(ipa.x_axis),
                 fmt2_id(ipa.y_axis), fmt2_id(ipa.conformity), ""])
    w = WIDTH
    flow = [para("Tingkat kesesuaian Tk = ∑X / ∑Y × 100 %, dengan X nilai kinerja dan Y nilai "
                 "kepentingan. Sumbu diagram Kartesius berada pada rata-rata nilai kinerja dan "
                 "rata-rata nilai kepentingan seluruh unsur; nilai yang tepat berada pada sumbu "
                 "dihitung sebagai tinggi."),
            grid(["No", "Unsur Pelayanan", "Kinerja (X)", "Kepentingan (Y)", "Tk (%)", "Kuadran"],
                 rows, [w * .06, w * .34, w * .12, w * .14, w * .11, w * .23],
                 ["c", "l", "c", "c", "c", "l"], total_rows=1),
            Spacer(1, 3 * mm),
            KeepTogether([ipa_diagram(ipa, WIDTH),
                          para("Grafik 2. Diagram Kartesius kepentingan–kinerja", "caption")])]
    for key, label in QUADRANTS.items():
        members = [f"U{p.unsur} {data.recap.unsur[p.unsur - 1].name}" for p in ipa.points
                   if p.quadrant == key]
        flow.append(rich(f"<b>Kuadran {key} ({label}):</b> "
                         + (", ".join(members) if members else "tidak ada unsur") + "."))
    return flow


def _trend(data: ReportData) -> list:
    if not data.trend:
        return [para("Belum ada data periode sebelumnya.")]
    rows = [[p.period_name, fmt2_id(p.converted), p.grade.letter if p.grade else "-",
             ("+" if p.change and p.change > 0 else "") + fmt2_id(p.change)]
            for p in data.trend]
    flow = [grid(["Periode", "IKM", "Mutu", "Perubahan"], rows,
                 [WIDTH * .52, WIDTH * .16, WIDTH * .12, WIDTH * .2], ["l", "c", "c", "c"])]
    if sum(1 for p in data.trend if p.converted is not None) >= 2:
        flow += [Spacer(1, 3 * mm), KeepTogether([trend_line(data.trend, WIDTH),
                                                  para("Grafik 3. Tren IKM antarperiode",
                                                       "caption")])]
    return flow


def chapter_results(data: ReportData) -> list:
    return [para("BAB III", "chapter"), para("HASIL SURVEI", "chapter"),
            para("A. Profil Responden", "section"), *_profile(data),
            CondPageBreak(90 * mm), para("B. Rekapitulasi Nilai per Unsur", "section"),
            _recap_table(data), *_complaints(data), Spacer(1, 4 * mm),
            para("C. Indeks Kepuasan Masyarakat", "section"), *_ikm_box(data), Spacer(1, 3 * mm),
            *([] if data.recap.empty else [KeepTogether([
                unsur_bars(data.recap, WIDTH),
                para("Grafik 1. Nilai konversi per unsur pelayanan", "caption")])]),
            CondPageBreak(80 * mm), para("D. Analisis Kepentingan–Kinerja", "section"),
            *_ipa(data), CondPageBreak(60 * mm), para("E. Tren IKM", "section"),
            *_trend(data), PageBreak()]


def _weakest(data: ReportData) -> list:
    r = data.recap
    if r.empty:
        return [para("Belum ada data untuk dianalisis.")]
    ipa = r.ipa
    flow = [para("Tiga unsur dengan nilai terendah pada periode ini:")]
    for u in r.weakest_first[:3]:
        quad = ipa.points[u.unsur - 1] if ipa else None
        extra = (f" Pada diagram Kartesius unsur ini berada di kuadran {quad.quadrant} "
                 f"({quad.quadrant_label})" + (", sehingga menjadi prioritas utama perbaikan."
                                              if quad.quadrant == "A" else ".")) if quad else ""
        flow.append(rich(f"<b>U{u.unsur} {u.name}</b> — NRR {fmt2_id(u.nrr)}, nilai konversi "
                         f"{fmt2_id(u.converted)}, mutu {u.grade.letter} ({u.grade.label}).{extra}"))
    return flow


def _follow_up(data: ReportData) -> Table:
    rows = [[str(f.no), f.unsur, f.program, f.time, f.responsible] for f in data.follow_up]
    if not rows:  # a blank plan to fill by hand, the weakest unsur first
        weakest = [] if data.recap.empty else data.recap.weakest_first[:3]
        names = [f"U{u.unsur} {u.name}" for u in weakest] + [""] * (3 - len(weakest))
        rows = [[str(i), name, "", "", ""] for i, name in enumerate(names, 1)]
    w = WIDTH
    return grid(["No", "Prioritas Unsur", "Program/Kegiatan", "Waktu", "Penanggung Jawab"], rows,
                [w * .06, w * .24, w * .32, w * .18, w * .2], ["c", "l", "l", "c", "l"])


def chapter_analysis(data: ReportData) -> list:
    suggestions = [s for s in data.suggestions if s.strip()]
    flow = [para("BAB IV", "chapter"), para("ANALISIS DAN RENCANA TINDAK LANJUT", "chapter"),
            para("A. Unsur dengan Nilai Terendah", "section"), *_weakest(data),
            para("B. Rencana Tindak Lanjut", "section"), _follow_up(data),
            para("C. Masukan dan Saran Responden", "section")]
    if not suggestions:
        flow.append(para("Tidak ada masukan atau saran tertulis pada periode ini."))
    for i, text in enumerate(suggestions, 1):
        flow.append(para(f"{i}. {text}", "small"))
    return flow + [PageBreak()]


def chapter_closing(data: ReportData) -> list:
    r = data.recap
    if r.empty:
        summary = (f"Pada periode {data.period_name} belum ada kuesioner yang terisi sehingga "
                   "IKM belum dapat ditetapkan.")
    else:
        summary = (f"Berdasarkan hasil Survei Kepuasan Masyarakat periode {data.period_name} "
                   f"terhadap {id_int(r.n)} responden, Indeks Kepuasan Masyarakat {data.org_name} "
                   f"adalah {fmt2_id(r.converted)} dengan mutu pelayanan {r.grade.letter} "
                   f"({r.grade.label}). Unsur dengan nilai terendah adalah "
                   f"{r.weakest_first[0].name}; rencana tindak lanjut disusun untuk memperbaikinya "
                   "dan hasil survei ini dipublikasikan kepada masyarakat.")
    sign = Table([[para(f"{data.place}, {long_date(data.report_date)}", "center")],
                  [para(data.signatory.position, "center")], [Spacer(1, 24 * mm)],
                  [rich(f"<b><u>{_escape(data.signatory.name)}</u></b>", "center")],
                  [para(f"NIP. {data.signatory.nip}" if data.signatory.nip else "", "center")]],
                 colWidths=[WIDTH * 0.5])
    sign.setStyle(tstyle([("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    holder = Table([["", sign]], colWidths=[WIDTH * 0.5, WIDTH * 0.5])
    holder.setStyle(tstyle([]))
    return [para("BAB V", "chapter"), para("PENUTUP", "chapter"), para(summary),
            para("Demikian laporan ini disusun untuk dipergunakan sebagaimana mestinya."),
            Spacer(1, 10 * mm), KeepTogether([holder])]


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape
    return escape(text)
