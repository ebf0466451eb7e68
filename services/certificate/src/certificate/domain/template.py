"""An organisation's certificate template: the document wording plus how numbers are formed."""
from __future__ import annotations

from dataclasses import dataclass

from .document import Signatory, TemplateContent

ANY_KIND = "*"


@dataclass(frozen=True)
class OrgTemplate:
    org_code: str
    number_format: str
    content: TemplateContent

    @classmethod
    def of_row(cls, row) -> OrgTemplate:
        return cls(org_code=row["org_code"], number_format=row["number_format"], content=TemplateContent(
            org_name=row["org_name"], org_parent=row["org_parent"], logo_png=row["logo_png"], place=row["place"],
            signatory=Signatory(row["signatory_position"], row["signatory_name"], row["signatory_nip"]),
            syllabus_page=row["syllabus_page"], heading=row["heading"], intro=row["intro"], body=row["body"],
            closing=row["closing"]))

    def row(self) -> dict:
        c = self.content
        return dict(org_code=self.org_code, number_format=self.number_format, org_name=c.org_name,
                    org_parent=c.org_parent, logo_png=c.logo_png, place=c.place,
                    signatory_position=c.signatory.position, signatory_name=c.signatory.name,
                    signatory_nip=c.signatory.nip, syllabus_page=c.syllabus_page, heading=c.heading,
                    intro=c.intro, body=c.body, closing=c.closing)
