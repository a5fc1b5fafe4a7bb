"""Texts of the demo neighbourhood. Fictional: no real people, addresses or numbers."""

from portal.editorial import EDITORS, MANAGERS

OFFICE = {
    "office_name": "Stadtteilbüro Mühlbach-Süd",
    "neighbourhood_name": "Quartier Mühlbach-Süd, Auenstadt",
    "street": "Weidenweg 14",
    "postcode": "99999",
    "city": "Auenstadt",
    "phone": "0000 123 456-0",
    "email": "buero@muehlbach-sued.example",
    "opening_hours": "Montag 10–13 Uhr\nDienstag 14–18 Uhr\nDonnerstag 10–13 und 14–17 Uhr",
    "residents": 8400,
}
SOCIAL_LINKS = [
    ("Stadtteilzeitung als Newsletter", "https://newsletter.muehlbach-sued.example"),
    ("Mastodon", "https://social.muehlbach-sued.example/@stadtteilbuero"),
]
CONTACT_FORM_FIELDS = [
    ("Ihr Name", "singleline", False, ""),
    ("Ihre E-Mail-Adresse", "email", True, "Damit wir Ihnen antworten können."),
    ("Ihre Nachricht", "multiline", True, ""),
]

HOME_EASY_LANGUAGE = (
    "<p>Das ist die Internet-Seite vom Stadtteil-Büro Mühlbach-Süd.</p>"
    "<p>Hier finden Sie:</p>"
    "<ul><li>Neuigkeiten aus dem Quartier</li><li>Termine</li>"
    "<li>Gruppen und Vereine in der Nähe</li><li>Projekte</li></ul>"
    "<p>Sie können hier auch eigene Ideen einbringen. "
    "Haben Sie Fragen? Dann kommen Sie ins Stadtteil-Büro. Wir helfen Ihnen gern.</p>"
)

HOME = {
    "title": "Willkommen im Quartier Mühlbach-Süd",
    "intro": (
        "Hier finden Sie alles rund um unser Quartier: Neuigkeiten, Termine, "
        "Projekte und die Möglichkeit, selbst mitzumachen."
    ),
    "body": [
        ("heading", "Das Stadtteilbüro"),
        (
            "paragraph",
            "Das Stadtteilbüro im Weidenweg ist Ihre Anlaufstelle. Wir hören zu, "
            "vermitteln Kontakte und unterstützen Ihre eigenen Ideen für das Quartier.",
        ),
        ("heading", "Mitmachen"),
        (
            "paragraph",
            "Ob Straßenfest, Frühjahrsputz oder ein neuer Spielplatz: Bringen Sie Ihre "
            "Ideen ein. Für kleine Aktionen gibt es Geld aus dem Verfügungsfonds.",
        ),
    ],
}

# Translations of the home page, keyed by the German source string.
HOME_TRANSLATIONS = {
    "de-ls": {
        "Willkommen im Quartier Mühlbach-Süd": "Willkommen in Mühlbach-Süd",
        HOME["intro"]: (
            "Auf dieser Internet-Seite gibt es Infos über unser Quartier. "
            "Ein Quartier ist ein Teil von einer Stadt. Sie können hier auch selbst mitmachen."
        ),
        "Das Stadtteilbüro": "Das Stadtteil-Büro",
        HOME["body"][1][1]: (
            "Das Stadtteil-Büro ist im Weidenweg. Dort können Sie hingehen. "
            "Wir hören Ihnen zu. Wir helfen Ihnen bei Ihren Ideen."
        ),
        "Mitmachen": "Mitmachen",
        HOME["body"][3][1]: (
            "Haben Sie eine Idee für das Quartier? Zum Beispiel ein Fest. "
            "Dann sagen Sie es uns. Für kleine Ideen gibt es Geld."
        ),
    },
    "en": {
        "Willkommen im Quartier Mühlbach-Süd": "Welcome to Mühlbach-Süd",
        HOME["intro"]: (
            "Everything about our neighbourhood: news, events, projects and ways to take part "
            "yourself."
        ),
        "Das Stadtteilbüro": "The neighbourhood office",
        HOME["body"][1][1]: (
            "The neighbourhood office on Weidenweg is your first point of contact. We listen, "
            "connect people and support your own ideas for the neighbourhood."
        ),
        "Mitmachen": "Take part",
        HOME["body"][3][1]: (
            "A street party, a spring clean-up or a new playground: bring in your ideas. "
            "Small actions can be funded from the neighbourhood fund."
        ),
    },
    "tr": {
        "Willkommen im Quartier Mühlbach-Süd": "Mühlbach-Süd mahallesine hoş geldiniz",
        HOME["intro"]: (
            "Mahallemizle ilgili her şey burada: haberler, etkinlikler, projeler ve "
            "katılım olanakları."
        ),
        "Das Stadtteilbüro": "Mahalle ofisi",
        HOME["body"][1][1]: (
            "Weidenweg'deki mahalle ofisi ilk başvuru yerinizdir. Sizi dinliyor, insanları "
            "bir araya getiriyor ve mahalle için fikirlerinizi destekliyoruz."
        ),
        "Mitmachen": "Katılın",
        HOME["body"][3][1]: (
            "Sokak şenliği, bahar temizliği ya da yeni bir oyun alanı: fikirlerinizi paylaşın. "
            "Küçük etkinlikler mahalle fonundan desteklenebilir."
        ),
    },
    "ar": {
        "Willkommen im Quartier Mühlbach-Süd": "مرحبًا بكم في حي مولباخ-زود",
        HOME["intro"]: "كل ما يخص حيّنا: الأخبار والفعاليات والمشاريع وطرق المشاركة.",
        "Das Stadtteilbüro": "مكتب الحي",
        HOME["body"][1][1]: (
            "مكتب الحي في شارع فايدنفيغ هو نقطة الاتصال الأولى لكم. نستمع إليكم ونربط بين "
            "الناس وندعم أفكاركم من أجل الحي."
        ),
        "Mitmachen": "شاركوا",
        HOME["body"][3][1]: (
            "حفلة في الشارع أو تنظيف الربيع أو ملعب جديد: شاركونا أفكاركم. "
            "يمكن تمويل المبادرات الصغيرة من صندوق الحي."
        ),
    },
    "ru": {
        "Willkommen im Quartier Mühlbach-Süd": "Добро пожаловать в район Мюльбах-Зюд",
        HOME["intro"]: (
            "Всё о нашем районе: новости, мероприятия, проекты и возможности принять участие."
        ),
        "Das Stadtteilbüro": "Бюро района",
        HOME["body"][1][1]: (
            "Бюро района на улице Вайденвег — ваше первое место для обращения. Мы слушаем, "
            "помогаем найти контакты и поддерживаем ваши идеи для района."
        ),
        "Mitmachen": "Участвуйте",
        HOME["body"][3][1]: (
            "Уличный праздник, весенняя уборка или новая детская площадка: предлагайте идеи. "
            "Небольшие акции можно финансировать из фонда района."
        ),
    },
    "uk": {
        "Willkommen im Quartier Mühlbach-Süd": "Ласкаво просимо до району Мюльбах-Зюд",
        HOME["intro"]: (
            "Усе про наш район: новини, події, проєкти та можливості долучитися самостійно."
        ),
        "Das Stadtteilbüro": "Бюро району",
        HOME["body"][1][1]: (
            "Бюро району на вулиці Вайденвег — ваше перше місце звернення. Ми слухаємо, "
            "допомагаємо з контактами та підтримуємо ваші ідеї для району."
        ),
        "Mitmachen": "Долучайтеся",
        HOME["body"][3][1]: (
            "Вуличне свято, весняне прибирання чи новий дитячий майданчик: пропонуйте ідеї. "
            "Невеликі акції можна профінансувати з фонду району."
        ),
    },
}

PAGES = [
    {
        "slug": "ueber-uns",
        "title": "Über das Stadtteilbüro",
        "show_in_menus": True,
        "intro": "Wer wir sind und wie wir arbeiten.",
        "body": [
            ("heading", "Unser Auftrag"),
            (
                "paragraph",
                "Das Stadtteilbüro Mühlbach-Süd gehört zum Programm „Sozialer Zusammenhalt“. "
                "Zwei Mitarbeiterinnen und Mitarbeiter bringen Bewohnerinnen und Bewohner, "
                "Vereine, Schulen, die Wohnungsgesellschaft und die Stadtverwaltung zusammen.",
            ),
            ("heading", "Gremien"),
            (
                "paragraph",
                "Die Stadtteilkonferenz trifft sich viermal im Jahr. Die Arbeitskreise Kinder "
                "und Jugend sowie Wohnumfeld treffen sich jeden Monat. Über den "
                "Verfügungsfonds entscheidet eine Jury aus Bewohnerinnen und Bewohnern.",
            ),
        ],
    },
    {
        "slug": "kontakt",
        "type": "contact",
        "title": "Kontakt",
        "show_in_menus": True,
        "intro": "So erreichen Sie das Stadtteilbüro.",
        "body": [
            (
                "paragraph",
                "Kommen Sie zu unseren Öffnungszeiten vorbei, rufen Sie an oder schreiben "
                "Sie uns eine E-Mail. Termine außerhalb der Öffnungszeiten sind möglich.",
            ),
        ],
    },
    {
        "slug": "impressum",
        "title": "Impressum",
        "show_in_menus": False,
        "intro": "Angaben gemäß § 5 DDG.",
        "body": [
            (
                "paragraph",
                "Stadtteilbüro Mühlbach-Süd, Weidenweg 14, 99999 Auenstadt. Träger: "
                "Nachbarschaftsverein Auenstadt e. V. (fiktiv, Demo-Inhalt).",
            ),
        ],
    },
    {
        "slug": "datenschutz",
        "title": "Datenschutzerklärung",
        "show_in_menus": False,
        "intro": "Wie wir mit Ihren Daten umgehen.",
        "body": [
            ("heading", "Verantwortlich"),
            (
                "paragraph",
                "Verantwortlich für diese Website ist der Nachbarschaftsverein Auenstadt e. V., "
                "Träger des Stadtteilbüros Mühlbach-Süd, Weidenweg 14, 99999 Auenstadt.",
            ),
            ("heading", "Was wir speichern"),
            (
                "paragraph",
                "Wir speichern nur, was wir für Ihr Anliegen brauchen. Für ein Konto sind das "
                "Ihre E-Mail-Adresse und ein Passwort. Nachrichten über das Kontaktformular "
                "löschen wir nach sechs Monaten. Wir setzen nur technisch notwendige Cookies "
                "und verwenden keine Analyse- oder Werbedienste.",
            ),
            ("heading", "Ihre Rechte"),
            (
                "paragraph",
                "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
                "Verarbeitung sowie auf Beschwerde bei der Datenschutzaufsicht. Die Löschung "
                "Ihres Kontos können Sie jederzeit in Ihrem Konto beantragen.",
            ),
        ],
    },
    {
        "slug": "barrierefreiheit",
        "type": "accessibility",
        "title": "Erklärung zur Barrierefreiheit",
        "show_in_menus": False,
        "intro": "Diese Website soll für alle Menschen nutzbar sein (BITV 2.0, WCAG 2.1 AA).",
        "body": [
            (
                "paragraph",
                "Die Website des Stadtteilbüros Mühlbach-Süd ist weitgehend barrierefrei. "
                "Wir prüfen jede Seite mit automatischen Tests und von Hand. "
                "Ältere PDF-Dokumente im Archiv der Stadtteilzeitung sind noch nicht "
                "barrierefrei; auf Wunsch schicken wir Ihnen die Inhalte in einer "
                "zugänglichen Form.",
            ),
            ("heading", "Schlichtungsverfahren"),
            (
                "paragraph",
                "Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die "
                "Schlichtungsstelle für Barrierefreiheit Ihres Bundeslandes wenden.",
            ),
        ],
    },
]

ABOUT_TRANSLATIONS = {
    "en": {
        "Über das Stadtteilbüro": "About the neighbourhood office",
        "Wer wir sind und wie wir arbeiten.": "Who we are and how we work.",
        "Unser Auftrag": "Our mission",
        PAGES[0]["body"][1][1]: (
            "The Mühlbach-Süd neighbourhood office is part of the “Social Cohesion” programme. "
            "Two staff members bring together residents, associations, schools, the housing "
            "company and the city administration."
        ),
        "Gremien": "Committees",
        PAGES[0]["body"][3][1]: (
            "The neighbourhood conference meets four times a year. The working groups on "
            "children and youth and on the living environment meet every month. A jury of "
            "residents decides on the neighbourhood fund."
        ),
    },
}

EDITOR_GROUP = EDITORS

USERS = [
    {
        "key": "admin",
        "email": "admin@muehlbach-sued.example",
        "password": "Demo-Admin-2026!",
        "first_name": "Alex",
        "last_name": "Admin (Demo)",
        "superuser": True,
        "groups": [],
        "mfa": True,
    },
    {
        "key": "editor",
        "email": "redaktion@muehlbach-sued.example",
        "password": "Demo-Redaktion-2026!",
        "first_name": "Robin",
        "last_name": "Redaktion (Demo)",
        "superuser": False,
        "groups": [EDITOR_GROUP],
        "mfa": True,
    },
    {
        "key": "leitung",
        "email": "leitung@muehlbach-sued.example",
        "password": "Demo-Leitung-2026!",
        "first_name": "Lou",
        "last_name": "Leitung (Demo)",
        "superuser": False,
        "groups": [MANAGERS],
        "mfa": True,
    },
    {
        "key": "resident",
        "email": "bewohnerin@muehlbach-sued.example",
        "password": "Demo-Bewohnerin-2026!",
        "first_name": "Sam",
        "last_name": "Bewohnerin (Demo)",
        "superuser": False,
        "groups": [],
        "mfa": False,
    },
    {
        "key": "vorsitz",
        "email": "vorsitz@muehlbach-sued.example",
        "password": "Demo-Vorsitz-2026!",
        "first_name": "Kim",
        "last_name": "Vorsitz (Demo)",
        "superuser": False,
        "groups": [],
        "mfa": False,
    },
]


# English versions of the remaining pages, keyed by the German source strings.
PAGES_EN = {
    "Kontakt": "Contact",
    "So erreichen Sie das Stadtteilbüro.": "How to reach the neighbourhood office.",
    "Kommen Sie zu unseren Öffnungszeiten vorbei, rufen Sie an oder schreiben "
    "Sie uns eine E-Mail. Termine außerhalb der Öffnungszeiten sind möglich.": (
        "Drop in during our opening hours, give us a call or send us an e-mail. Appointments "
        "outside opening hours are possible."
    ),
    "Danke für Ihre Nachricht. Wir melden uns in den nächsten Tagen.": (
        "Thank you for your message. We will get back to you within the next few days."
    ),
    "Ihr Name": "Your name",
    "Ihre E-Mail-Adresse": "Your e-mail address",
    "Damit wir Ihnen antworten können.": "So that we can reply to you.",
    "Ihre Nachricht": "Your message",
    "Nachricht über das Kontaktformular": "Message from the contact form",
    "Impressum": "Legal notice",
    "Angaben gemäß § 5 DDG.": (
        "Information pursuant to section 5 of the German Digital Services Act."
    ),
    "Stadtteilbüro Mühlbach-Süd, Weidenweg 14, 99999 Auenstadt. Träger: "
    "Nachbarschaftsverein Auenstadt e. V. (fiktiv, Demo-Inhalt).": (
        "Mühlbach-Süd neighbourhood office, Weidenweg 14, 99999 Auenstadt. Run by "
        "Nachbarschaftsverein Auenstadt e. V. (fictional, demo content)."
    ),
    "Datenschutzerklärung": "Privacy statement",
    "Wie wir mit Ihren Daten umgehen.": "How we handle your data.",
    "Verantwortlich": "Controller",
    "Verantwortlich für diese Website ist der Nachbarschaftsverein Auenstadt e. V., "
    "Träger des Stadtteilbüros Mühlbach-Süd, Weidenweg 14, 99999 Auenstadt.": (
        "This website is the responsibility of Nachbarschaftsverein Auenstadt e. V., which "
        "runs the Mühlbach-Süd neighbourhood office, Weidenweg 14, 99999 Auenstadt."
    ),
    "Was wir speichern": "What we store",
    "Wir speichern nur, was wir für Ihr Anliegen brauchen. Für ein Konto sind das "
    "Ihre E-Mail-Adresse und ein Passwort. Nachrichten über das Kontaktformular "
    "löschen wir nach sechs Monaten. Wir setzen nur technisch notwendige Cookies "
    "und verwenden keine Analyse- oder Werbedienste.": (
        "We only store what we need for your request. For an account, that is your e-mail "
        "address and a password. We delete messages sent through the contact form after six "
        "months. We only set technically necessary cookies and use no analytics or advertising "
        "services."
    ),
    "Ihre Rechte": "Your rights",
    "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der "
    "Verarbeitung sowie auf Beschwerde bei der Datenschutzaufsicht. Die Löschung "
    "Ihres Kontos können Sie jederzeit in Ihrem Konto beantragen.": (
        "You have the right to access, rectification, erasure and restriction of processing, "
        "and the right to complain to the data protection authority. You can request the "
        "deletion of your account at any time in your account."
    ),
    "Erklärung zur Barrierefreiheit": "Accessibility statement",
    "Diese Website soll für alle Menschen nutzbar sein (BITV 2.0, WCAG 2.1 AA).": (
        "This website should be usable by everyone (BITV 2.0, WCAG 2.1 AA)."
    ),
    "Die Website des Stadtteilbüros Mühlbach-Süd ist weitgehend barrierefrei. "
    "Wir prüfen jede Seite mit automatischen Tests und von Hand. "
    "Ältere PDF-Dokumente im Archiv der Stadtteilzeitung sind noch nicht "
    "barrierefrei; auf Wunsch schicken wir Ihnen die Inhalte in einer "
    "zugänglichen Form.": (
        "The website of the Mühlbach-Süd neighbourhood office is largely accessible. We check "
        "every page with automated tests and by hand. Older PDF documents in the archive of the "
        "neighbourhood newspaper are not yet accessible; on request we will send you their "
        "content in an accessible form."
    ),
    "Schlichtungsverfahren": "Conciliation procedure",
    "Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die "
    "Schlichtungsstelle für Barrierefreiheit Ihres Bundeslandes wenden.": (
        "If you are not satisfied with our answer, you can contact the accessibility "
        "conciliation body of your federal state."
    ),
}
