"""The importance-performance (Cartesian) diagram as a small inline SVG: no chart library on the page."""
from __future__ import annotations

from markupsafe import Markup, escape

W, H, PAD = 320, 260, 36


def ipa_svg(ipa: dict | None, title: str, x_label: str, y_label: str) -> Markup:
    """Points of the nine unsur with the axes at the mean of the means; quadrant letters in the corners."""
    if not ipa or not ipa.get("points"):
        return Markup("")
    pts = ipa["points"]
    xs = [p["performance_value"] for p in pts] + [ipa["x_axis_value"]]
    ys = [p["importance_value"] for p in pts] + [ipa["y_axis_value"]]
    x0, x1 = min(xs) - 0.1, max(xs) + 0.1
    y0, y1 = min(ys) - 0.1, max(ys) + 0.1

    def sx(v: float) -> float:
        return PAD + (v - x0) / (x1 - x0) * (W - 2 * PAD)

    def sy(v: float) -> float:
        return H - PAD - (v - y0) / (y1 - y0) * (H - 2 * PAD)

    ax, ay = sx(ipa["x_axis_value"]), sy(ipa["y_axis_value"])
    parts = [f'<svg viewBox="0 0 {W} {H}" role="img" aria-labelledby="ipa-t" class="sv-ipa" '
             f'xmlns="http://www.w3.org/2000/svg"><title id="ipa-t">{escape(title)}</title>',
             f'<rect x="{PAD}" y="{PAD}" width="{W - 2 * PAD}" height="{H - 2 * PAD}" fill="#fff" stroke="#888"/>',
             f'<line x1="{ax:.1f}" y1="{PAD}" x2="{ax:.1f}" y2="{H - PAD}" stroke="#b00" stroke-dasharray="4 3"/>',
             f'<line x1="{PAD}" y1="{ay:.1f}" x2="{W - PAD}" y2="{ay:.1f}" stroke="#b00" stroke-dasharray="4 3"/>']
    for letter, x, y in (("A", PAD + 6, PAD + 14), ("B", W - PAD - 14, PAD + 14),
                         ("C", PAD + 6, H - PAD - 6), ("D", W - PAD - 14, H - PAD - 6)):
        parts.append(f'<text x="{x}" y="{y}" font-size="13" font-weight="700" fill="#555">{letter}</text>')
    for p in pts:
        x, y = sx(p["performance_value"]), sy(p["importance_value"])
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#1f4e99"/>'
                     f'<text x="{x + 6:.1f}" y="{y - 4:.1f}" font-size="11" fill="#111">U{int(p["unsur"])}</text>')
    parts.append(f'<text x="{W / 2}" y="{H - 8}" font-size="11" text-anchor="middle" fill="#111">{escape(x_label)}</text>')
    parts.append(f'<text x="12" y="{H / 2}" font-size="11" text-anchor="middle" fill="#111" '
                 f'transform="rotate(-90 12 {H / 2})">{escape(y_label)}</text></svg>')
    return Markup("".join(parts))
