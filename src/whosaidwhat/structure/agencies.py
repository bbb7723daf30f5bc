"""News agencies whose credit lines and datelines mark wire copy."""

from __future__ import annotations

#: Each agency under the short name it is usually credited by, with its other printed names.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("Associated Press", "The Associated Press"),
    "AFP": ("Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Thomson Reuters",),
    "dpa": ("Deutsche Presse-Agentur",),
    "UPI": ("United Press International",),
    "EFE": ("Agencia EFE",),
    "ANSA": ("Agenzia Nazionale Stampa Associata",),
    "Kyodo": ("Kyodo News",),
    "Xinhua": ("Xinhua News Agency",),
    "PA": ("PA Media", "Press Association"),
    "Bloomberg": ("Bloomberg News",),
    "AAP": ("Australian Associated Press",),
    "CP": ("The Canadian Press", "Canadian Press"),
    "PTI": ("Press Trust of India",),
    "IANS": ("Indo-Asian News Service",),
    "TNN": ("Times News Network",),
    "ANI": ("Asian News International",),
    "Yonhap": ("Yonhap News Agency",),
    "TASS": ("ITAR-TASS",),
    "Interfax": (),
    "RIA Novosti": (),
    "Anadolu": ("Anadolu Agency",),
    "KNA": (),
    "epd": (),
    "SID": (),
    "APA": ("Austria Presse Agentur",),
    "Belga": (),
    "Lusa": (),
    "Europa Press": (),
    "NTB": (),
    "TT": (),
    "Ritzau": (),
    "ATS": (),
    "Keystone-SDA": ("SDA",),
    "ANP": (),
    "IPS": ("Inter Press Service",),
    "CNA": ("Central News Agency",),
    "Jiji": ("Jiji Press",),
    "Bernama": (),
    "Antara": (),
    "WAFA": (),
    "MENA": (),
    "KCNA": (),
}

_BY_PRINTED_NAME = {
    printed.casefold(): short for short, others in AGENCIES.items() for printed in (short, *others)
}


def agency_named(printed: str) -> str | None:
    """The short name of the agency printed as ``printed`` ("Associated Press" -> "AP"), or None."""
    return _BY_PRINTED_NAME.get(printed.strip(" .").casefold())
