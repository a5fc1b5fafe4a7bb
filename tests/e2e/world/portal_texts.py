"""Texts of the public website that the journeys see, with their translations (keyed by
the German source, or in the order of the German texts)."""

HOME_INTRO = "Hier finden Sie alles rund um unser Quartier: Neuigkeiten, Termine und Projekte."
HOME_BODY = [
    ("h2", "Das Stadtteilbüro"),
    "Das Stadtteilbüro im Weidenweg ist Ihre Anlaufstelle.",
    ("h2", "Mitmachen"),
    "Bringen Sie Ihre Ideen für das Quartier ein.",
]
HOME_EASY_LANGUAGE = (
    "<p>Das ist die Internet-Seite vom Stadtteil-Büro Mühlbach-Süd.</p>"
    "<ul><li>Neuigkeiten aus dem Quartier</li><li>Termine</li></ul>"
)
# The home page in every language: title, intro and body, in the order of the German texts.
HOME_TRANSLATIONS = {
    "de-ls": [
        "Start-Seite",
        "Hier gibt es Infos über unser Quartier.",
        "Das Stadtteil-Büro",
        "Das Stadtteil-Büro ist im Weidenweg. Dort können Sie hingehen.",
        "Mitmachen",
        "Sagen Sie uns Ihre Ideen für das Quartier.",
    ],
    "en": [
        "Home",
        "Everything about our neighbourhood: news, events and projects.",
        "The neighbourhood office",
        "The neighbourhood office on Weidenweg is your first point of contact.",
        "Take part",
        "Bring in your ideas for the neighbourhood.",
    ],
    "tr": [
        "Ana sayfa",
        "Mahallemizle ilgili her şey: haberler, etkinlikler ve projeler.",
        "Mahalle ofisi",
        "Weidenweg'deki mahalle ofisi ilk başvuru yerinizdir.",
        "Katılın",
        "Mahalle için fikirlerinizi paylaşın.",
    ],
    "ar": [
        "الصفحة الرئيسية",
        "كل ما يخص حيّنا: الأخبار والفعاليات والمشاريع.",
        "مكتب الحي",
        "مكتب الحي في شارع فايدنفيغ هو نقطة الاتصال الأولى لكم.",
        "شاركوا",
        "شاركونا أفكاركم من أجل الحي.",
    ],
    "ru": [
        "Главная",
        "Всё о нашем районе: новости, мероприятия и проекты.",
        "Бюро района",
        "Бюро района на улице Вайденвег — ваше первое место для обращения.",
        "Участвуйте",
        "Предлагайте свои идеи для района.",
    ],
    "uk": [
        "Головна",
        "Усе про наш район: новини, події та проєкти.",
        "Бюро району",
        "Бюро району на вулиці Вайденвег — ваше перше місце звернення.",
        "Долучайтеся",
        "Пропонуйте свої ідеї для району.",
    ],
}
ABOUT_EN = {
    "Über das Stadtteilbüro": "About the neighbourhood office",
    "Wer wir sind und wie wir im Quartier arbeiten.": "Who we are and how we work.",
    "Unser Auftrag": "Our mission",
    "Wir bringen Bewohnerinnen und Bewohner, Vereine und die Verwaltung zusammen.": (
        "We bring together residents, associations and the administration."
    ),
    "Gremien": "Committees",
    "Die Stadtteilkonferenz trifft sich viermal im Jahr.": (
        "The neighbourhood conference meets four times a year."
    ),
}

ADVENT_NEWS = {
    "Adventsmarkt: Lichterglanz am Lindenplatz": "سوق عيد الميلاد: أضواء في ساحة الزيزفون",
    "Der Adventsmarkt am Lindenplatz war ein Treffpunkt für das ganze Quartier.": (
        "كان سوق عيد الميلاد في ساحة الزيزفون ملتقى للحي كله."
    ),
    "Rund zwanzig Stände boten Selbstgebackenes und Handarbeiten an.": (
        "قدّم نحو عشرين كشكًا مخبوزات منزلية وأعمالًا يدوية."
    ),
}
ADVENT_EVENT = {
    "Adventsmarkt am Lindenplatz": "سوق عيد الميلاد في ساحة الزيزفون",
    "Nachbarinnen und Nachbarn laden zum Adventsmarkt mit Selbstgemachtem ein.": (
        "يدعوكم الجيران إلى سوق عيد الميلاد مع منتجات منزلية الصنع."
    ),
    "Lindenplatz": "ساحة الزيزفون",
    "Stadtteilbüro Mühlbach-Süd": "مكتب حي مولباخ-زود",
    "Keine Anmeldung nötig.": "لا حاجة إلى التسجيل.",
    "Der Platz ist eben und gepflastert.": "الساحة مستوية ومرصوفة.",
    "Es gibt Musik, warme Getränke und ein Programm für Kinder.": (
        "هناك موسيقى ومشروبات ساخنة وبرنامج للأطفال."
    ),
}
