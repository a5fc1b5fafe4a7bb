"""Who the site speaks as: the office's name, postal address and e-mail sender, from one place.

core knows no app above it, so the site settings that hold the office's identity are read
through a provider the portal registers in its AppConfig.ready() (`register_office_provider`).
E-mails (core.tasks.send_email: `From:` and the signature), PDFs (core.exports.pdf_bytes:
`office` in the template context) and the apps' own texts ask `current_office()`.
"""

from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings


@dataclass(frozen=True)
class Office:
    name: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    sender_name: str = ""
    sender_email: str = ""
    url: str = ""

    @property
    def address_lines(self):
        """The postal address as lines, without empty ones."""
        place = f"{self.postcode} {self.city}".strip()
        return [line for line in (self.street, place) if line]

    @property
    def from_email(self):
        """`From:` of every mail: "Sender name <sender address>"; where one of the two is
        not set, the office's name or DEFAULT_FROM_EMAIL's address; with neither set,
        DEFAULT_FROM_EMAIL unchanged."""
        if not (self.sender_name or self.sender_email):
            return settings.DEFAULT_FROM_EMAIL
        default_name, default_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
        name = self.sender_name or self.name or default_name
        return mailbox(name, self.sender_email or default_address)

    @property
    def signature(self):
        """The office's name, address, phone, e-mail and web address, one per line: the
        same in every language, so a mail rendered in the worker needs no translation."""
        lines = [self.name, *self.address_lines, self.phone, self.email, self.url]
        return "\n".join(line for line in lines if line)


def mailbox(name, address):
    """ "Name <address>" (RFC 5322), the name quoted where it needs it; Django encodes it."""
    name = " ".join(name.split())
    if any(char in name for char in '()<>[]:;@\\,."'):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{address}>" if name else address


_provider = None


def register_office_provider(provider):
    """provider(site_id=None) -> Office; the portal registers one reading its site settings."""
    global _provider
    _provider = provider


def current_office(site_id=None):
    """The office of the given Wagtail site (else the default site); a bare Office named
    after WAGTAIL_SITE_NAME when no provider is registered or no site exists."""
    office = _provider(site_id) if _provider is not None else None
    return office or Office(name=getattr(settings, "WAGTAIL_SITE_NAME", ""))
