"""Demo content for the Quartier portal: neighbourhood Mühlbach-Süd, Auenstadt.

Everything here is fictional: no real people, addresses, phone numbers or e-mail
addresses. Phone numbers start with "0000", e-mail addresses and websites use the
".example" top-level domain.

Data only. German ("de") is the source; every translation has the same keys and,
for lists, the same number of items in the same order, because the importer pairs
them by position. "de-ls" is Leichte Sprache (easy-read German). Dates are relative
to the day the demo is built (days_ago, days_from_now).
"""

# Fields of action (Handlungsfelder) used to tag news, events, organisations and projects.
FIELDS_OF_ACTION = [
    {
        "slug": "beteiligung-integration",
        "sort_order": 1,
        "de": {
            "name": "Beteiligung und Integration",
            "description": (
                "Wir stärken die Mitwirkung aller Bewohnerinnen und Bewohner und das gute "
                "Zusammenleben von Menschen unterschiedlicher Herkunft."
            ),
        },
        "de-ls": {
            "name": "Mitmachen und Zusammen-Leben",
            "description": (
                "Alle Menschen im Quartier können mitreden. Es ist egal, woher sie kommen. Wir "
                "helfen beim Mitmachen."
            ),
        },
        "en": {
            "name": "Participation and integration",
            "description": (
                "We strengthen the involvement of all residents and good relations between people "
                "of different backgrounds."
            ),
        },
        "tr": {
            "name": "Katılım ve uyum",
            "description": (
                "Tüm mahalle sakinlerinin katılımını ve farklı kökenlerden insanların iyi bir "
                "arada yaşamasını güçlendiriyoruz."
            ),
        },
        "ar": {
            "name": "المشاركة والاندماج",
            "description": "نعزّز مشاركة جميع السكان والتعايش الجيد بين الناس من خلفيات مختلفة.",
        },
        "ru": {
            "name": "Участие и интеграция",
            "description": (
                "Мы поддерживаем участие всех жителей и добрососедское сосуществование людей "
                "разного происхождения."
            ),
        },
        "uk": {
            "name": "Участь та інтеграція",
            "description": (
                "Ми підтримуємо участь усіх мешканців і добросусідське співжиття людей різного "
                "походження."
            ),
        },
    },
    {
        "slug": "oeffentlicher-raum-sicherheit",
        "sort_order": 2,
        "de": {
            "name": "Öffentlicher Raum und Sicherheit",
            "description": (
                "Plätze, Wege und Grünflächen sollen sauber, hell und sicher sein und zum "
                "Verweilen einladen."
            ),
        },
        "de-ls": {
            "name": "Straßen, Plätze und Sicherheit",
            "description": (
                "Straßen und Plätze sollen sauber sein. Sie sollen hell sein. Alle sollen sich "
                "dort sicher fühlen."
            ),
        },
        "en": {
            "name": "Public space and safety",
            "description": (
                "Squares, paths and green spaces should be clean, well lit and safe, and invite "
                "people to spend time there."
            ),
        },
        "tr": {
            "name": "Kamusal alan ve güvenlik",
            "description": (
                "Meydanlar, yollar ve yeşil alanlar temiz, aydınlık ve güvenli olmalı, insanları "
                "vakit geçirmeye davet etmelidir."
            ),
        },
        "ar": {
            "name": "الفضاء العام والأمان",
            "description": (
                "ينبغي أن تكون الساحات والطرق والمساحات الخضراء نظيفة ومضاءة وآمنة، وأن تدعو الناس "
                "إلى قضاء الوقت فيها."
            ),
        },
        "ru": {
            "name": "Общественное пространство и безопасность",
            "description": (
                "Площади, дорожки и зелёные зоны должны быть чистыми, хорошо освещёнными и "
                "безопасными, чтобы там было приятно проводить время."
            ),
        },
        "uk": {
            "name": "Громадський простір і безпека",
            "description": (
                "Площі, доріжки та зелені зони мають бути чистими, добре освітленими й безпечними, "
                "щоб там було приємно проводити час."
            ),
        },
    },
    {
        "slug": "wohnen-wohnumfeld",
        "sort_order": 3,
        "de": {
            "name": "Wohnen und Wohnumfeld",
            "description": (
                "Wir setzen uns für gute Wohnungen, gepflegte Innenhöfe und ein faires Miteinander "
                "von Mieterschaft und Vermietern ein."
            ),
        },
        "de-ls": {
            "name": "Wohnen",
            "description": (
                "Alle sollen gut wohnen. Auch die Höfe an den Häusern sollen schön sein. Wir "
                "helfen bei Fragen zur Miete."
            ),
        },
        "en": {
            "name": "Housing and surroundings",
            "description": (
                "We work for good homes, well-kept courtyards and fair relations between tenants "
                "and landlords."
            ),
        },
        "tr": {
            "name": "Konut ve yaşam çevresi",
            "description": (
                "İyi konutlar, bakımlı iç avlular ve kiracılarla ev sahipleri arasında adil "
                "ilişkiler için çalışıyoruz."
            ),
        },
        "ar": {
            "name": "السكن والبيئة السكنية",
            "description": (
                "نعمل من أجل مساكن جيدة وأفنية داخلية مُعتنى بها وعلاقات عادلة بين المستأجرين "
                "والمؤجرين."
            ),
        },
        "ru": {
            "name": "Жильё и жилая среда",
            "description": (
                "Мы выступаем за хорошее жильё, ухоженные дворы и справедливые отношения между "
                "арендаторами и арендодателями."
            ),
        },
        "uk": {
            "name": "Житло та житлове середовище",
            "description": (
                "Ми дбаємо про добре житло, доглянуті подвір'я та справедливі стосунки між "
                "орендарями й орендодавцями."
            ),
        },
    },
    {
        "slug": "soziale-infrastruktur-kinder-jugend",
        "sort_order": 4,
        "de": {
            "name": "Soziale Infrastruktur, Kinder und Jugend",
            "description": (
                "Kitas, Schulen, Treffpunkte und Spielplätze sollen Kindern, Jugendlichen und "
                "Familien im Quartier gute Chancen bieten."
            ),
        },
        "de-ls": {
            "name": "Kinder, Jugendliche und Treff-Punkte",
            "description": (
                "Kinder und Jugendliche sollen gute Orte haben. Zum Beispiel Spiel-Plätze und "
                "Jugend-Treffs. Auch Familien bekommen Hilfe."
            ),
        },
        "en": {
            "name": "Social infrastructure, children and youth",
            "description": (
                "Day-care centres, schools, meeting places and playgrounds should give children, "
                "young people and families good opportunities in the neighbourhood."
            ),
        },
        "tr": {
            "name": "Sosyal altyapı, çocuklar ve gençler",
            "description": (
                "Kreşler, okullar, buluşma yerleri ve oyun alanları mahalledeki çocuklara, "
                "gençlere ve ailelere iyi fırsatlar sunmalıdır."
            ),
        },
        "ar": {
            "name": "البنية التحتية الاجتماعية والأطفال والشباب",
            "description": (
                "ينبغي أن توفّر دور الحضانة والمدارس وأماكن اللقاء والملاعب فرصًا جيدة للأطفال "
                "والشباب والعائلات في الحي."
            ),
        },
        "ru": {
            "name": "Социальная инфраструктура, дети и молодёжь",
            "description": (
                "Детские сады, школы, места встреч и детские площадки должны открывать детям, "
                "подросткам и семьям хорошие возможности в районе."
            ),
        },
        "uk": {
            "name": "Соціальна інфраструктура, діти та молодь",
            "description": (
                "Дитячі садки, школи, місця зустрічей і дитячі майданчики мають відкривати дітям, "
                "молоді та родинам добрі можливості в районі."
            ),
        },
    },
    {
        "slug": "beschaeftigung-ausbildung-lokale-oekonomie",
        "sort_order": 5,
        "de": {
            "name": "Beschäftigung, Ausbildung und lokale Ökonomie",
            "description": (
                "Wir begleiten Menschen auf dem Weg in Ausbildung und Arbeit und stärken die "
                "Geschäfte und Betriebe im Quartier."
            ),
        },
        "de-ls": {
            "name": "Arbeit, Ausbildung und Geschäfte",
            "description": (
                "Wir helfen bei der Suche nach Arbeit. Wir helfen bei der Suche nach einer "
                "Ausbildung. Wir helfen auch den Geschäften im Quartier."
            ),
        },
        "en": {
            "name": "Employment, training and local economy",
            "description": (
                "We support people on their way into training and work and strengthen the shops "
                "and businesses in the neighbourhood."
            ),
        },
        "tr": {
            "name": "İstihdam, meslek eğitimi ve yerel ekonomi",
            "description": (
                "İnsanlara meslek eğitimine ve işe giden yolda eşlik ediyor, mahalledeki "
                "dükkânları ve işletmeleri güçlendiriyoruz."
            ),
        },
        "ar": {
            "name": "التوظيف والتدريب المهني والاقتصاد المحلي",
            "description": (
                "نرافق الناس في طريقهم إلى التدريب المهني والعمل، ونعزّز المتاجر والمنشآت في الحي."
            ),
        },
        "ru": {
            "name": "Занятость, профобучение и местная экономика",
            "description": (
                "Мы сопровождаем людей на пути к профессиональному обучению и работе и "
                "поддерживаем магазины и предприятия района."
            ),
        },
        "uk": {
            "name": "Зайнятість, професійне навчання та місцева економіка",
            "description": (
                "Ми супроводжуємо людей на шляху до професійного навчання й роботи та підтримуємо "
                "магазини й підприємства району."
            ),
        },
    },
    {
        "slug": "soziale-lebenslagen-gesundheit",
        "sort_order": 6,
        "de": {
            "name": "Besondere soziale Lebenslagen und Gesundheit",
            "description": (
                "Wir verbessern die Hilfen für Menschen in schwierigen Lebenslagen und fördern die "
                "Gesundheit aller Generationen."
            ),
        },
        "de-ls": {
            "name": "Hilfe und Gesundheit",
            "description": (
                "Manche Menschen haben es schwer. Zum Beispiel, weil sie wenig Geld haben. Oder "
                "weil sie krank sind. Wir zeigen ihnen, wo es Hilfe gibt. Wir wollen, dass alle "
                "gesund bleiben."
            ),
        },
        "en": {
            "name": "Special social situations and health",
            "description": (
                "We improve support for people in difficult circumstances and promote the health "
                "of all generations."
            ),
        },
        "tr": {
            "name": "Özel sosyal durumlar ve sağlık",
            "description": (
                "Zor koşullarda yaşayan insanlara yönelik destekleri iyileştiriyor ve tüm "
                "kuşakların sağlığını destekliyoruz."
            ),
        },
        "ar": {
            "name": "الأوضاع الاجتماعية الخاصة والصحة",
            "description": (
                "نحسّن الدعم المقدَّم للأشخاص الذين يعيشون ظروفًا صعبة، ونعزّز صحة جميع الأجيال."
            ),
        },
        "ru": {
            "name": "Особые жизненные ситуации и здоровье",
            "description": (
                "Мы улучшаем помощь людям в трудных жизненных ситуациях и заботимся о здоровье "
                "всех поколений."
            ),
        },
        "uk": {
            "name": "Особливі життєві обставини та здоров'я",
            "description": (
                "Ми покращуємо допомогу людям у складних життєвих обставинах і дбаємо про здоров'я "
                "всіх поколінь."
            ),
        },
    },
    {
        "slug": "koordination-vernetzung",
        "sort_order": 7,
        "de": {
            "name": "Koordination und Vernetzung",
            "description": (
                "Wir bringen Bewohnerschaft, Vereine, Einrichtungen, Verwaltung und "
                "Wohnungswirtschaft an einen Tisch."
            ),
        },
        "de-ls": {
            "name": "Zusammen-Arbeit",
            "description": (
                "Im Quartier gibt es viele Gruppen. Es gibt auch viele Ämter. Wir bringen sie "
                "zusammen. Dann können sie besser zusammen-arbeiten."
            ),
        },
        "en": {
            "name": "Coordination and networking",
            "description": (
                "We bring residents, associations, institutions, the city administration and "
                "housing companies together around one table."
            ),
        },
        "tr": {
            "name": "Koordinasyon ve ağ oluşturma",
            "description": (
                "Mahalle sakinlerini, dernekleri, kurumları, belediyeyi ve konut şirketlerini aynı "
                "masada buluşturuyoruz."
            ),
        },
        "ar": {
            "name": "التنسيق والتشبيك",
            "description": (
                "نجمع السكان والجمعيات والمؤسسات والإدارة البلدية وشركات الإسكان حول طاولة واحدة."
            ),
        },
        "ru": {
            "name": "Координация и сетевое взаимодействие",
            "description": (
                "Мы собираем за одним столом жителей, объединения, учреждения, городскую "
                "администрацию и жилищные компании."
            ),
        },
        "uk": {
            "name": "Координація та мережева співпраця",
            "description": (
                "Ми збираємо за одним столом мешканців, об'єднання, установи, міську адміністрацію "
                "та житлові компанії."
            ),
        },
    },
    {
        "slug": "image-oeffentlichkeitsarbeit",
        "sort_order": 8,
        "de": {
            "name": "Image und Öffentlichkeitsarbeit",
            "description": (
                "Wir zeigen, was Mühlbach-Süd ausmacht, und informieren über Stadtteilzeitung, "
                "Website und lokale Presse."
            ),
        },
        "de-ls": {
            "name": "Infos über das Quartier",
            "description": (
                "Wir erzählen Gutes über Mühlbach-Süd. Wir machen eine Zeitung für das Quartier. "
                "Wir machen auch diese Internet-Seite."
            ),
        },
        "en": {
            "name": "Image and public relations",
            "description": (
                "We show what makes Mühlbach-Süd special and keep people informed through the "
                "neighbourhood newspaper, the website and the local press."
            ),
        },
        "tr": {
            "name": "İmaj ve halkla ilişkiler",
            "description": (
                "Mühlbach-Süd'ü özel kılan şeyleri gösteriyor, mahalle gazetesi, internet sitesi "
                "ve yerel basın aracılığıyla bilgi veriyoruz."
            ),
        },
        "ar": {
            "name": "الصورة العامة والعلاقات العامة",
            "description": (
                "نُبرز ما يميّز حي مولباخ-زود، ونقدّم المعلومات عبر جريدة الحي والموقع الإلكتروني "
                "والصحافة المحلية."
            ),
        },
        "ru": {
            "name": "Имидж и связи с общественностью",
            "description": (
                "Мы показываем, чем особенен Мюльбах-Зюд, и информируем жителей через районную "
                "газету, сайт и местную прессу."
            ),
        },
        "uk": {
            "name": "Імідж і зв'язки з громадськістю",
            "description": (
                "Ми показуємо, чим особливий Мюльбах-Зюд, та інформуємо мешканців через районну "
                "газету, вебсайт і місцеву пресу."
            ),
        },
    },
]

# Index pages of the four sections.
INDEX_PAGES = {
    "news": {
        "slug": "neuigkeiten",
        "de": {
            "title": "Neuigkeiten",
            "intro": (
                "Berichte, Ankündigungen und Hintergründe aus der Online-Stadtteilzeitung für "
                "Mühlbach-Süd."
            ),
        },
        "de-ls": {"title": "Neuigkeiten", "intro": "Hier stehen Nachrichten aus dem Quartier."},
        "en": {
            "title": "News",
            "intro": (
                "Reports, announcements and background stories from the online neighbourhood "
                "newspaper for Mühlbach-Süd."
            ),
        },
        "tr": {
            "title": "Haberler",
            "intro": (
                "Mühlbach-Süd'ün çevrim içi mahalle gazetesinden haberler, duyurular ve arka plan "
                "yazıları."
            ),
        },
        "ar": {
            "title": "الأخبار",
            "intro": "تقارير وإعلانات وخلفيات من جريدة الحي الإلكترونية لحي مولباخ-زود.",
        },
        "ru": {
            "title": "Новости",
            "intro": "Репортажи, объявления и подробности из онлайн-газеты района Мюльбах-Зюд.",
        },
        "uk": {
            "title": "Новини",
            "intro": "Репортажі, оголошення та подробиці з онлайн-газети району Мюльбах-Зюд.",
        },
    },
    "events": {
        "slug": "termine",
        "de": {
            "title": "Termine",
            "intro": (
                "Feste, Treffen, Sprechstunden und Mitmach-Aktionen im Quartier auf einen Blick."
            ),
        },
        "de-ls": {
            "title": "Termine",
            "intro": "Hier stehen Feste und Treffen im Quartier. Sie können hingehen.",
        },
        "en": {
            "title": "Events",
            "intro": (
                "Festivals, meetings, advice sessions and hands-on activities in the neighbourhood "
                "at a glance."
            ),
        },
        "tr": {
            "title": "Etkinlikler",
            "intro": (
                "Mahalledeki şenlikler, toplantılar, danışma saatleri ve katılım etkinlikleri bir "
                "bakışta."
            ),
        },
        "ar": {
            "title": "المواعيد",
            "intro": "الاحتفالات واللقاءات وساعات الاستشارة وأنشطة المشاركة في الحي في لمحة واحدة.",
        },
        "ru": {
            "title": "Мероприятия",
            "intro": (
                "Праздники, встречи, консультации и совместные акции в районе на одной странице."
            ),
        },
        "uk": {
            "title": "Події",
            "intro": "Свята, зустрічі, консультації та спільні акції в районі на одній сторінці.",
        },
    },
    "organisations": {
        "slug": "akteure",
        "de": {
            "title": "Akteure im Quartier",
            "intro": (
                "Vereine, Einrichtungen und Initiativen, die sich in Mühlbach-Süd engagieren, mit "
                "ihren Angeboten und Kontaktdaten."
            ),
        },
        "de-ls": {
            "title": "Gruppen und Orte im Quartier",
            "intro": (
                "Hier stehen Vereine und Gruppen aus dem Quartier. Sie machen Angebote für Sie."
            ),
        },
        "en": {
            "title": "Local organisations",
            "intro": (
                "Associations, institutions and initiatives active in Mühlbach-Süd, with their "
                "services and contact details."
            ),
        },
        "tr": {
            "title": "Mahalledeki kurumlar",
            "intro": (
                "Mühlbach-Süd'de faaliyet gösteren dernekler, kurumlar ve girişimler; sundukları "
                "hizmetler ve iletişim bilgileriyle."
            ),
        },
        "ar": {
            "title": "الجهات الفاعلة في الحي",
            "intro": (
                "الجمعيات والمؤسسات والمبادرات الناشطة في حي مولباخ-زود، مع خدماتها وبيانات "
                "الاتصال بها."
            ),
        },
        "ru": {
            "title": "Организации района",
            "intro": (
                "Объединения, учреждения и инициативы, которые работают в Мюльбах-Зюд, с их "
                "предложениями и контактами."
            ),
        },
        "uk": {
            "title": "Організації району",
            "intro": (
                "Об'єднання, установи та ініціативи, які працюють у Мюльбах-Зюд, з їхніми "
                "пропозиціями та контактами."
            ),
        },
    },
    "projects": {
        "slug": "projekte",
        "de": {
            "title": "Projekte",
            "intro": (
                "Was im Quartier geplant ist, was gerade läuft und was bereits erreicht wurde."
            ),
        },
        "de-ls": {
            "title": "Projekte",
            "intro": (
                "Ein Projekt ist eine Arbeit mit einem Ziel. Hier steht, was wir im Quartier "
                "machen."
            ),
        },
        "en": {
            "title": "Projects",
            "intro": (
                "What is planned in the neighbourhood, what is under way and what has already been "
                "achieved."
            ),
        },
        "tr": {
            "title": "Projeler",
            "intro": "Mahallede neler planlanıyor, neler sürüyor ve neler başarıldı.",
        },
        "ar": {
            "title": "المشاريع",
            "intro": "ما هو مخطَّط له في الحي، وما يجري تنفيذه حاليًا، وما تم إنجازه بالفعل.",
        },
        "ru": {
            "title": "Проекты",
            "intro": "Что планируется в районе, что уже идёт и чего удалось добиться.",
        },
        "uk": {
            "title": "Проєкти",
            "intro": "Що планується в районі, що вже триває і чого вдалося досягти.",
        },
    },
}

# Local actors (Trägerprofile).
ORGANISATIONS = [
    {
        "slug": "jugendtreff-muehlbach",
        "type": "social",
        "fields": ["soziale-infrastruktur-kinder-jugend", "beteiligung-integration"],
        "street": "Erlenring 3",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-20",
        "email": "info@jugendtreff-muehlbach.example",
        "website": "https://jugendtreff-muehlbach.example",
        "de": {
            "title": "Jugendtreff Mühlbach",
            "intro": (
                "Der offene Treff für junge Menschen von 10 bis 21 Jahren bietet Freizeit, "
                "Beratung und Raum für eigene Ideen. Er wird von einem freien Träger der "
                "Jugendhilfe im Auftrag der Stadt Auenstadt betrieben."
            ),
            "offers": [
                "Offener Treff mit Kicker, Billard, Musikraum und Küche",
                "Beratung zu Schule, Ausbildung und persönlichen Fragen",
                "Holzwerkstatt und Ferienprogramm mit Ausflügen",
                "Mädchentag mit eigenem Programm",
            ],
            "opening_hours": (
                "Montag bis Donnerstag 14–20 Uhr\nFreitag 14–22 Uhr\nIn den Schulferien gelten "
                "geänderte Zeiten"
            ),
            "accessibility": (
                "Eingang und Erdgeschoss sind stufenlos erreichbar, eine barrierefreie Toilette "
                "ist vorhanden. Der Musikraum im Untergeschoss ist nur über eine Treppe erreichbar."
            ),
            "languages_spoken": "Deutsch, Englisch, Türkisch, Arabisch",
        },
        "en": {
            "title": "Mühlbach Youth Club",
            "intro": (
                "This open youth club for young people aged 10 to 21 offers leisure activities, "
                "advice and space for their own ideas. It is run by an independent youth welfare "
                "organisation on behalf of the town of Auenstadt."
            ),
            "offers": [
                "Open club with table football, pool, a music room and a kitchen",
                "Advice on school, training and personal matters",
                "Woodwork shop and holiday programme with outings",
                "Girls' day with its own programme",
            ],
            "opening_hours": (
                "Monday to Thursday 2–8 pm\nFriday 2–10 pm\nDifferent hours during school holidays"
            ),
            "accessibility": (
                "The entrance and ground floor are step-free, and there is an accessible toilet. "
                "The music room in the basement can only be reached by stairs."
            ),
            "languages_spoken": "German, English, Turkish, Arabic",
        },
    },
    {
        "slug": "familienzentrum-lindenplatz",
        "type": "social",
        "fields": [
            "soziale-infrastruktur-kinder-jugend",
            "soziale-lebenslagen-gesundheit",
            "beteiligung-integration",
        ],
        "street": "Lindenplatz 2",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-30",
        "email": "kontakt@familienzentrum-lindenplatz.example",
        "website": "https://familienzentrum-lindenplatz.example",
        "de": {
            "title": "Familienzentrum am Lindenplatz",
            "intro": (
                "Das Familienzentrum verbindet eine Kita mit Beratung und Begegnung für Familien "
                "aus dem ganzen Quartier. Hier haben auch die Gesundheitslotsinnen und -lotsen von "
                "Mühlbach-Süd ihre Sprechstunde."
            ),
            "offers": [
                "Eltern-Kind-Gruppen und Elterncafé",
                "Familien- und Erziehungsberatung nach Terminvereinbarung",
                "Sprechstunde der Gesundheitslotsinnen und -lotsen",
                "Kurse zu Ernährung und Bewegung für Familien",
            ],
            "opening_hours": (
                "Montag bis Freitag 8–16 Uhr\nElterncafé: Mittwoch 9–11 Uhr\nGesundheitslotsen: "
                "Donnerstag 10–12 Uhr"
            ),
            "accessibility": (
                "Vollständig barrierefrei: stufenloser Zugang, Aufzug, barrierefreie Toilette und "
                "Wickelraum. Im Beratungsraum gibt es eine mobile Höranlage."
            ),
            "languages_spoken": "Deutsch, Türkisch, Arabisch, Russisch",
        },
        "en": {
            "title": "Lindenplatz Family Centre",
            "intro": (
                "The family centre combines a day-care centre with advice and a meeting place for "
                "families from the whole neighbourhood. The health guides of Mühlbach-Süd also "
                "hold their drop-in sessions here."
            ),
            "offers": [
                "Parent and child groups and a parents' café",
                "Family and parenting advice by appointment",
                "Drop-in sessions with the health guides",
                "Courses on nutrition and exercise for families",
            ],
            "opening_hours": (
                "Monday to Friday 8 am–4 pm\nParents' café: Wednesday 9–11 am\nHealth guides: "
                "Thursday 10 am–12 noon"
            ),
            "accessibility": (
                "Fully accessible: step-free access, lift, accessible toilet and baby-changing "
                "room. The advice room has a portable hearing loop."
            ),
            "languages_spoken": "German, Turkish, Arabic, Russian",
        },
    },
    {
        "slug": "mieterinitiative-erlenring",
        "type": "association",
        "fields": ["wohnen-wohnumfeld", "beteiligung-integration"],
        "street": "Erlenring 27",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-40",
        "email": "post@mieterinitiative-erlenring.example",
        "website": "https://mieterinitiative-erlenring.example",
        "de": {
            "title": "Mieterinitiative Erlenring",
            "intro": (
                "Ehrenamtlich engagierte Mieterinnen und Mieter setzen sich für gute "
                "Wohnbedingungen am Erlenring und in der Pappelallee ein. Die Initiative ist offen "
                "für alle Haushalte, unabhängig vom Vermieter."
            ),
            "offers": [
                "Offene Sprechstunde mit erster Orientierung bei Problemen rund um die Wohnung",
                "Hilfe beim Schreiben von Mängelanzeigen",
                "Mieterversammlungen und Hoffeste",
            ],
            "opening_hours": (
                "Sprechstunde: jeden 1. und 3. Dienstag im Monat 17–19 Uhr\nim Gemeinschaftsraum, "
                "Erlenring 27"
            ),
            "accessibility": (
                "Der Gemeinschaftsraum liegt im Erdgeschoss, am Eingang gibt es eine Stufe von "
                "etwa 10 cm. Auf Anfrage wird eine mobile Rampe angelegt."
            ),
            "languages_spoken": "Deutsch, Russisch, Polnisch",
        },
        "en": {
            "title": "Erlenring Tenants' Initiative",
            "intro": (
                "Volunteer tenants campaign for good living conditions on Erlenring and "
                "Pappelallee. The initiative is open to all households, whoever their landlord is."
            ),
            "offers": [
                "Open drop-in session with initial guidance on problems with your home",
                "Help with writing defect notices to the landlord",
                "Tenants' meetings and courtyard parties",
            ],
            "opening_hours": (
                "Drop-in session: 1st and 3rd Tuesday of the month, 5–7 pm\nin the community room, "
                "Erlenring 27"
            ),
            "accessibility": (
                "The community room is on the ground floor; there is a step of about 10 cm at the "
                "entrance. A portable ramp can be put in place on request."
            ),
            "languages_spoken": "German, Russian, Polish",
        },
    },
    {
        "slug": "moscheegemeinde-muehlbach",
        "type": "faith",
        "fields": ["beteiligung-integration", "soziale-infrastruktur-kinder-jugend"],
        "street": "Brückenstraße 61",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-50",
        "email": "info@moschee-muehlbach.example",
        "website": "https://moschee-muehlbach.example",
        "de": {
            "title": "Moscheegemeinde Mühlbach-Süd e. V.",
            "intro": (
                "Die Gemeinde ist ein Ort des Gebets und der Begegnung für muslimische Familien im "
                "Quartier. Sie beteiligt sich aktiv an Stadtteilfesten, am Frühjahrsputz und am "
                "interreligiösen Dialog."
            ),
            "offers": [
                "Führungen durch die Moschee für Schulklassen und Gruppen nach Vereinbarung",
                "Frauenfrühstück mit Gesprächsrunde",
                "Lernhilfe für Schülerinnen und Schüler",
                "Tag der offenen Moschee",
            ],
            "opening_hours": (
                "Täglich zu den Gebetszeiten geöffnet\nBüro: Samstag und Sonntag 11–14 Uhr"
            ),
            "accessibility": (
                "Der Gebetsraum im Erdgeschoss ist stufenlos erreichbar. Die Räume für Frauen und "
                "für die Lernhilfe im ersten Stock sind nur über eine Treppe erreichbar."
            ),
            "languages_spoken": "Deutsch, Türkisch, Arabisch, Bosnisch",
        },
        "en": {
            "title": "Mühlbach-Süd Mosque Community",
            "intro": (
                "The community is a place of prayer and encounter for Muslim families in the "
                "neighbourhood. It takes an active part in neighbourhood festivals, the spring "
                "clean-up and interfaith dialogue."
            ),
            "offers": [
                "Guided tours of the mosque for school classes and groups by arrangement",
                "Women's breakfast with a discussion group",
                "Study support for pupils",
                "Open Mosque Day",
            ],
            "opening_hours": "Open daily at prayer times\nOffice: Saturday and Sunday 11 am–2 pm",
            "accessibility": (
                "The prayer hall on the ground floor is step-free. The women's rooms and the study "
                "support rooms on the first floor can only be reached by stairs."
            ),
            "languages_spoken": "German, Turkish, Arabic, Bosnian",
        },
    },
    {
        "slug": "grundschule-am-muehlbach",
        "type": "education",
        "fields": ["soziale-infrastruktur-kinder-jugend", "beteiligung-integration"],
        "street": "Am Mühlbach 20",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-60",
        "email": "sekretariat@grundschule-am-muehlbach.example",
        "website": "https://grundschule-am-muehlbach.example",
        "de": {
            "title": "Grundschule Am Mühlbach",
            "intro": (
                "Die Grundschule im Herzen des Quartiers besuchen rund 280 Kinder aus über 20 "
                "Herkunftsländern. Als offene Ganztagsschule arbeitet sie eng mit dem "
                "Familienzentrum und dem Jugendtreff zusammen."
            ),
            "offers": [
                "Offener Ganztag bis 16 Uhr",
                "Elterncafé mit Sprachmittlung",
                "Schulgarten-AG",
                "Hausaufgabenhilfe mit Ehrenamtlichen",
            ],
            "opening_hours": "Sekretariat: Montag bis Freitag 7.30–12.30 Uhr",
            "accessibility": (
                "Das Hauptgebäude und die Aula sind über eine Rampe stufenlos erreichbar, es gibt "
                "einen Aufzug und eine barrierefreie Toilette. Die Turnhalle ist nur über zwei "
                "Stufen zugänglich."
            ),
            "languages_spoken": "Deutsch, Englisch, Türkisch, Arabisch, Ukrainisch",
        },
        "en": {
            "title": "Am Mühlbach Primary School",
            "intro": (
                "Around 280 children from more than 20 countries of origin attend this primary "
                "school in the heart of the neighbourhood. As an all-day school it works closely "
                "with the family centre and the youth club."
            ),
            "offers": [
                "Open all-day care until 4 pm",
                "Parents' café with language mediation",
                "School garden club",
                "Homework help with volunteers",
            ],
            "opening_hours": "School office: Monday to Friday 7.30 am–12.30 pm",
            "accessibility": (
                "The main building and the assembly hall are step-free via a ramp; there is a lift "
                "and an accessible toilet. The gym can only be reached via two steps."
            ),
            "languages_spoken": "German, English, Turkish, Arabic, Ukrainian",
        },
    },
    {
        "slug": "wohnbau-auenstadt",
        "type": "housing",
        "fields": ["wohnen-wohnumfeld", "oeffentlicher-raum-sicherheit"],
        "street": "Brückenstraße 40",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-70",
        "email": "quartier@wohnbau-auenstadt.example",
        "website": "https://wohnbau-auenstadt.example",
        "de": {
            "title": "Wohnbau Auenstadt – Mieterbüro Mühlbach-Süd",
            "intro": (
                "Der kommunalen Wohnungsgesellschaft gehören rund 1.600 Wohnungen im Quartier. Im "
                "Mieterbüro vor Ort erhalten Mieterinnen und Mieter Auskunft zu Reparaturen, "
                "Verträgen und Fragen der Nachbarschaft."
            ),
            "offers": [
                "Annahme von Schadensmeldungen und Reparaturaufträgen",
                "Sozialberatung bei Mietschulden und in schwierigen Lebenslagen",
                "Unterstützung von Hof- und Nachbarschaftsfesten",
            ],
            "opening_hours": (
                "Dienstag 9–12 und 14–18 Uhr\nDonnerstag 9–12 Uhr\nNotdienst außerhalb der "
                "Öffnungszeiten: 0000 123 457-79"
            ),
            "accessibility": (
                "Stufenloser Eingang mit automatischer Tür, Beratungsraum im Erdgeschoss."
            ),
            "languages_spoken": "Deutsch, Englisch, Russisch",
        },
        "en": {
            "title": "Wohnbau Auenstadt – Mühlbach-Süd Tenant Office",
            "intro": (
                "The municipal housing company owns around 1,600 flats in the neighbourhood. At "
                "the local tenant office, tenants can get information on repairs, tenancy "
                "agreements and neighbourhood matters."
            ),
            "offers": [
                "Reporting of damage and repair requests",
                "Social counselling on rent arrears and in difficult situations",
                "Support for courtyard and neighbourhood parties",
            ],
            "opening_hours": (
                "Tuesday 9 am–12 noon and 2–6 pm\nThursday 9 am–12 noon\nEmergency service outside "
                "opening hours: 0000 123 457-79"
            ),
            "accessibility": (
                "Step-free entrance with an automatic door; the advice room is on the ground floor."
            ),
            "languages_spoken": "German, English, Russian",
        },
    },
    {
        "slug": "brueckenschlag-ev",
        "type": "association",
        "fields": ["beteiligung-integration", "beschaeftigung-ausbildung-lokale-oekonomie"],
        "street": "Lindenplatz 9",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-80",
        "email": "hallo@brueckenschlag-auenstadt.example",
        "website": "https://brueckenschlag-auenstadt.example",
        "de": {
            "title": "Brückenschlag e. V. – Sprachcafé und Migrationsberatung",
            "intro": (
                "Zugewanderte und alteingesessene Nachbarinnen und Nachbarn haben den Verein "
                "gemeinsam gegründet. Er lädt zum Deutschüben in entspannter Runde ein und "
                "begleitet Menschen in ihren ersten Jahren in Auenstadt."
            ),
            "offers": [
                "Sprachcafé: Deutsch sprechen ohne Prüfungsdruck",
                "Migrationsberatung für Erwachsene nach Terminvereinbarung",
                "Begleitung zu Ämtern durch ehrenamtliche Sprachmittlerinnen und Sprachmittler",
                "Bewerbungstraining in Zusammenarbeit mit der Jobwerkstatt",
            ],
            "opening_hours": (
                "Sprachcafé: Dienstag 16–18 Uhr\nBeratung: Montag und Mittwoch 10–13 Uhr"
            ),
            "accessibility": (
                "Ladenlokal im Erdgeschoss mit stufenlosem Zugang. Eine barrierefreie Toilette "
                "gibt es nicht; die nächste befindet sich im Familienzentrum, Lindenplatz 2."
            ),
            "languages_spoken": "Deutsch, Arabisch, Ukrainisch, Russisch, Farsi, Englisch",
        },
        "en": {
            "title": "Brückenschlag e. V. – Language Café and Migration Advice",
            "intro": (
                "Newcomers and long-standing residents founded this association together. It "
                "invites people to practise German in a relaxed setting and supports them in their "
                "first years in Auenstadt."
            ),
            "offers": [
                "Language café: speaking German without exam pressure",
                "Migration advice for adults by appointment",
                "Volunteer language mediators who accompany people to public offices",
                "Job application training in cooperation with the Job Workshop",
            ],
            "opening_hours": (
                "Language café: Tuesday 4–6 pm\nAdvice: Monday and Wednesday 10 am–1 pm"
            ),
            "accessibility": (
                "Shop premises on the ground floor with step-free access. There is no accessible "
                "toilet; the nearest one is at the family centre, Lindenplatz 2."
            ),
            "languages_spoken": "German, Arabic, Ukrainian, Russian, Farsi, English",
        },
    },
    {
        "slug": "tsv-muehlbach",
        "type": "culture",
        "fields": ["soziale-infrastruktur-kinder-jugend", "soziale-lebenslagen-gesundheit"],
        "street": "Auenweg 5",
        "postcode": "99999",
        "city": "Auenstadt",
        "phone": "0000 123 457-90",
        "email": "info@tsv-muehlbach.example",
        "website": "https://tsv-muehlbach.example",
        "de": {
            "title": "TSV Mühlbach e. V.",
            "intro": (
                "Der traditionsreiche Sportverein bietet Fußball, Turnen, Tischtennis und "
                "Gesundheitssport für alle Altersgruppen an. Für Familien mit wenig Geld gibt es "
                "ermäßigte Beiträge und Hilfe beim Antrag auf Leistungen aus dem Bildungs- und "
                "Teilhabepaket."
            ),
            "offers": [
                "Fußball für Kinder und Jugendliche",
                "Bewegung im Alter: Sturzvorbeugung und Seniorengymnastik",
                "Mitternachtsfußball für Jugendliche",
                "Schnuppertraining in allen Abteilungen",
            ],
            "opening_hours": (
                "Geschäftsstelle: Mittwoch 17–19 Uhr\nTrainingszeiten je nach Abteilung"
            ),
            "accessibility": (
                "Sporthalle und Vereinsheim sind stufenlos erreichbar, in der Sporthalle gibt es "
                "eine barrierefreie Toilette. Der Rasenplatz ist über einen Schotterweg erreichbar."
            ),
            "languages_spoken": "Deutsch, Türkisch, Englisch",
        },
        "en": {
            "title": "TSV Mühlbach Sports Club",
            "intro": (
                "This long-established sports club offers football, gymnastics, table tennis and "
                "health-oriented exercise for all age groups. Families on a low income pay reduced "
                "fees and get help applying for support from the education and participation "
                "package."
            ),
            "offers": [
                "Football for children and young people",
                "Exercise for older people: fall prevention and seniors' gymnastics",
                "Midnight football for young people",
                "Free taster sessions in all sections",
            ],
            "opening_hours": "Club office: Wednesday 5–7 pm\nTraining times vary by section",
            "accessibility": (
                "The sports hall and clubhouse are step-free, and there is an accessible toilet in "
                "the sports hall. The football pitch is reached via a gravel path."
            ),
            "languages_spoken": "German, Turkish, English",
        },
    },
]

# Online neighbourhood newspaper. The first item is translated into every language.
NEWS = [
    {
        "slug": "verfuegungsfonds-ideen-gesucht",
        "days_ago": 6,
        "fields": ["beteiligung-integration", "koordination-vernetzung"],
        "de": {
            "title": "Verfügungsfonds: Geld für Ihre Idee im Quartier",
            "author": "Team des Stadtteilbüros",
            "intro": (
                "Auch im kommenden Jahr stehen für kleine Aktionen von Bewohnerinnen und Bewohnern "
                "rund 4.700 Euro bereit. Über die Anträge entscheidet eine Jury aus dem Quartier."
            ),
            "body": [
                ["heading", "Was ist der Verfügungsfonds?"],
                [
                    "paragraph",
                    (
                        "Der Verfügungsfonds ist ein kleiner Geldtopf für Aktionen, die das "
                        "Zusammenleben in Mühlbach-Süd stärken. Pro Einwohnerin und Einwohner "
                        "stehen jedes Jahr 50 Cent bereit, bei rund 9.400 Menschen im Quartier "
                        "sind das etwa 4.700 Euro. Pro Aktion sind bis zu 1.000 Euro möglich; "
                        "Geld, das bis zum Jahresende nicht ausgegeben ist, verfällt."
                    ),
                ],
                ["heading", "Wer kann einen Antrag stellen?"],
                [
                    "paragraph",
                    (
                        "Anträge stellen können Bewohnerinnen und Bewohner, Nachbarschaftsgruppen, "
                        "Vereine und Einrichtungen. Die Aktion muss im Quartier stattfinden, allen "
                        "offenstehen und ehrenamtlich umgesetzt werden. Gefördert werden zum "
                        "Beispiel Material, Anschaffungen oder das Honorar für eine externe "
                        "Fachkraft, nicht aber die eigene Arbeit."
                    ),
                ],
                ["heading", "So geht es"],
                [
                    "paragraph",
                    (
                        "Kommen Sie mit Ihrer Idee ins Stadtteilbüro am Weidenweg 14, wir helfen "
                        "gern beim Ausfüllen des Antrags, auch auf Papier. Der Antrag muss "
                        "spätestens eine Woche vor der Jurysitzung vorliegen. Die Jury aus "
                        "mindestens sieben Bewohnerinnen und Bewohnern ab 16 Jahren tagt etwa alle "
                        "zwei Monate und entscheidet öffentlich."
                    ),
                ],
            ],
        },
        "de-ls": {
            "title": "Geld für Ihre Idee im Quartier",
            "author": "Team vom Stadtteil-Büro",
            "intro": (
                "Haben Sie eine Idee für das Quartier? Dann können Sie Geld dafür bekommen. Im "
                "nächsten Jahr gibt es dafür zusammen 4.700 Euro."
            ),
            "body": [
                ["heading", "Was ist der Verfügungs-Fonds?"],
                [
                    "paragraph",
                    (
                        "Der Verfügungs-Fonds ist Geld für das Quartier. Mit dem Geld können "
                        "Menschen etwas Gutes machen. Zum Beispiel ein Fest für die Nachbarn. Für "
                        "eine Idee gibt es höchstens 1.000 Euro. Das Geld muss im selben Jahr "
                        "ausgegeben werden."
                    ),
                ],
                ["heading", "Wer kann Geld bekommen?"],
                [
                    "paragraph",
                    (
                        "Alle Menschen aus dem Quartier können Geld bekommen. Auch Vereine und "
                        "Gruppen können Geld bekommen. Die Idee muss im Quartier stattfinden. Alle "
                        "Menschen müssen mitmachen dürfen. Sie bekommen kein Geld für Ihre eigene "
                        "Arbeit. Aber Sie bekommen Geld für Material. Zum Beispiel für Farbe oder "
                        "Pflanzen."
                    ),
                ],
                ["heading", "So geht es"],
                [
                    "paragraph",
                    (
                        "Kommen Sie ins Stadtteil-Büro. Die Adresse ist: Weidenweg 14. Wir helfen "
                        "Ihnen beim Antrag. Ein Antrag ist ein Formular. Darin schreiben Sie Ihre "
                        "Idee auf. Eine Gruppe entscheidet über das Geld. Die Gruppe heißt Jury. "
                        "In der Jury sind Menschen aus dem Quartier."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Neighbourhood fund: money for your idea",
            "author": "Neighbourhood office team",
            "intro": (
                "Around 4,700 euros will again be available next year for small activities "
                "organised by residents. A jury from the neighbourhood decides on the applications."
            ),
            "body": [
                ["heading", "What is the neighbourhood fund?"],
                [
                    "paragraph",
                    (
                        "The neighbourhood fund is a small pot of money for activities that "
                        "strengthen community life in Mühlbach-Süd. Each year, 50 cents per "
                        "resident are available; with around 9,400 people living in the "
                        "neighbourhood, that comes to about 4,700 euros. Up to 1,000 euros are "
                        "possible per activity; money not spent by the end of the year is "
                        "forfeited."
                    ),
                ],
                ["heading", "Who can apply?"],
                [
                    "paragraph",
                    (
                        "Residents, neighbourhood groups, associations and institutions can apply. "
                        "The activity must take place in the neighbourhood, be open to everyone "
                        "and be carried out by volunteers. The fund pays for things like "
                        "materials, purchases or the fee for an outside professional, but not for "
                        "your own work."
                    ),
                ],
                ["heading", "How it works"],
                [
                    "paragraph",
                    (
                        "Bring your idea to the neighbourhood office at Weidenweg 14, and we will "
                        "be happy to help you fill in the application, on paper too. The "
                        "application must reach us at least one week before the jury meeting. The "
                        "jury of at least seven residents aged 16 and over meets about every two "
                        "months and makes its decisions in public."
                    ),
                ],
            ],
        },
        "tr": {
            "title": "Mahalle fonu: Fikriniz için destek",
            "author": "Mahalle ofisi ekibi",
            "intro": (
                "Gelecek yıl da mahalle sakinlerinin küçük etkinlikleri için yaklaşık 4.700 avro "
                "hazır bulunuyor. Başvurular hakkında mahalle sakinlerinden oluşan bir jüri karar "
                "veriyor."
            ),
            "body": [
                ["heading", "Mahalle fonu nedir?"],
                [
                    "paragraph",
                    (
                        "Mahalle fonu, Mühlbach-Süd'de birlikte yaşamı güçlendiren etkinlikler "
                        "için ayrılmış küçük bir bütçedir. Her yıl kişi başına 50 sent ayrılıyor; "
                        "mahallede yaklaşık 9.400 kişi yaşadığı için bu da yaklaşık 4.700 avro "
                        "ediyor. Etkinlik başına 1.000 avroya kadar destek verilebilir; yıl sonuna "
                        "kadar harcanmayan para bir sonraki yıla aktarılmaz."
                    ),
                ],
                ["heading", "Kimler başvurabilir?"],
                [
                    "paragraph",
                    (
                        "Mahalle sakinleri, komşuluk grupları, dernekler ve kurumlar başvurabilir. "
                        "Etkinlik mahallede yapılmalı, herkese açık olmalı ve gönüllüler "
                        "tarafından yürütülmelidir. Örneğin malzeme, satın alımlar veya dışarıdan "
                        "bir uzmanın ücreti desteklenir; kendi emeğiniz için ise ödeme yapılmaz."
                    ),
                ],
                ["heading", "Nasıl başvurulur?"],
                [
                    "paragraph",
                    (
                        "Fikrinizle Weidenweg 14'teki mahalle ofisine gelin; başvuru formunu "
                        "doldurmanıza, kâğıt üzerinde de olsa, memnuniyetle yardımcı oluyoruz. "
                        "Başvurunun en geç jüri toplantısından bir hafta önce elimizde olması "
                        "gerekir. 16 yaş ve üzeri en az yedi mahalle sakininden oluşan jüri "
                        "yaklaşık iki ayda bir toplanır ve kararlarını herkese açık olarak verir."
                    ),
                ],
            ],
        },
        "ar": {
            "title": "صندوق الحي: دعم مالي لفكرتكم",
            "author": "فريق مكتب الحي",
            "intro": (
                "في العام القادم أيضًا يتوفر نحو 4700 يورو لدعم المبادرات الصغيرة التي ينظمها "
                "السكان. وتبتّ في الطلبات لجنة تحكيم من أبناء الحي."
            ),
            "body": [
                ["heading", "ما هو صندوق الحي؟"],
                [
                    "paragraph",
                    (
                        "صندوق الحي مبلغ صغير مخصص للمبادرات التي تعزّز العيش المشترك في حي "
                        "مولباخ-زود. ويُخصَّص كل عام 50 سنتًا لكل ساكن، وبما أن نحو 9400 شخص "
                        "يعيشون في الحي، يصل المبلغ إلى قرابة 4700 يورو. ويمكن دعم كل مبادرة بما "
                        "يصل إلى 1000 يورو، أما المال الذي لا يُصرف حتى نهاية العام فلا يُنقل إلى "
                        "العام التالي."
                    ),
                ],
                ["heading", "من يمكنه تقديم طلب؟"],
                [
                    "paragraph",
                    (
                        "يمكن للسكان ومجموعات الجيران والجمعيات والمؤسسات تقديم الطلبات. ويجب أن "
                        "تُقام المبادرة في الحي، وأن تكون مفتوحة للجميع، وأن ينفذها متطوعون. ويشمل "
                        "الدعم مثلًا المواد والمشتريات أو أجر مختص من خارج المجموعة، لكنه لا يشمل "
                        "عملكم الشخصي."
                    ),
                ],
                ["heading", "كيف يتم ذلك؟"],
                [
                    "paragraph",
                    (
                        "تعالوا بفكرتكم إلى مكتب الحي في العنوان Weidenweg 14، وسنساعدكم بكل سرور "
                        "في تعبئة الطلب، ورقيًا أيضًا. ويجب أن يصلنا الطلب قبل اجتماع لجنة التحكيم "
                        "بأسبوع على الأقل. وتتألف اللجنة من سبعة سكان على الأقل تبلغ أعمارهم 16 "
                        "عامًا فأكثر، وتجتمع كل شهرين تقريبًا وتتخذ قراراتها علنًا."
                    ),
                ],
            ],
        },
        "ru": {
            "title": "Фонд района: деньги на вашу идею",
            "author": "Команда бюро района",
            "intro": (
                "В следующем году на небольшие акции жителей снова выделено около 4700 евро. "
                "Решение по заявкам принимает жюри из жителей района."
            ),
            "body": [
                ["heading", "Что такое фонд района?"],
                [
                    "paragraph",
                    (
                        "Фонд района — это небольшой бюджет на акции, которые укрепляют "
                        "добрососедскую жизнь в Мюльбах-Зюд. Каждый год на одного жителя "
                        "выделяется 50 центов; в районе живёт около 9400 человек, так что "
                        "получается примерно 4700 евро. На одну акцию можно получить до 1000 евро; "
                        "деньги, не потраченные до конца года, на следующий год не переносятся."
                    ),
                ],
                ["heading", "Кто может подать заявку?"],
                [
                    "paragraph",
                    (
                        "Подать заявку могут жители, соседские группы, объединения и учреждения. "
                        "Акция должна проходить в районе, быть открытой для всех и проводиться "
                        "добровольцами. Оплачиваются, например, материалы, покупки или гонорар "
                        "приглашённого специалиста, но не ваша собственная работа."
                    ),
                ],
                ["heading", "Как это работает"],
                [
                    "paragraph",
                    (
                        "Приходите со своей идеей в бюро района по адресу Weidenweg 14 — мы с "
                        "удовольствием поможем заполнить заявку, в том числе на бумаге. Заявка "
                        "должна поступить не позднее чем за неделю до заседания жюри. Жюри из не "
                        "менее чем семи жителей в возрасте от 16 лет собирается примерно раз в два "
                        "месяца и принимает решения открыто."
                    ),
                ],
            ],
        },
        "uk": {
            "title": "Фонд району: гроші на вашу ідею",
            "author": "Команда бюро району",
            "intro": (
                "Наступного року на невеликі акції мешканців знову передбачено близько 4700 євро. "
                "Рішення щодо заявок ухвалює журі з мешканців району."
            ),
            "body": [
                ["heading", "Що таке фонд району?"],
                [
                    "paragraph",
                    (
                        "Фонд району — це невеликий бюджет на акції, які зміцнюють добросусідське "
                        "життя в Мюльбах-Зюд. Щороку на кожного мешканця виділяється 50 центів; у "
                        "районі живе близько 9400 осіб, тож виходить приблизно 4700 євро. На одну "
                        "акцію можна отримати до 1000 євро; гроші, не витрачені до кінця року, на "
                        "наступний рік не переносяться."
                    ),
                ],
                ["heading", "Хто може подати заявку?"],
                [
                    "paragraph",
                    (
                        "Подати заявку можуть мешканці, сусідські групи, об'єднання та установи. "
                        "Акція має відбуватися в районі, бути відкритою для всіх і проводитися "
                        "волонтерами. Фінансуються, наприклад, матеріали, закупівлі або гонорар "
                        "запрошеного фахівця, але не ваша власна праця."
                    ),
                ],
                ["heading", "Як це працює"],
                [
                    "paragraph",
                    (
                        "Приходьте зі своєю ідеєю до бюро району за адресою Weidenweg 14 — ми "
                        "охоче допоможемо заповнити заявку, зокрема й на папері. Заявка має "
                        "надійти щонайменше за тиждень до засідання журі. Журі з щонайменше семи "
                        "мешканців віком від 16 років збирається приблизно раз на два місяці й "
                        "ухвалює рішення відкрито."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "gesundheitslotsen-im-quartier",
        "days_ago": 18,
        "fields": ["soziale-lebenslagen-gesundheit", "beteiligung-integration"],
        "de": {
            "title": "Gesundheitslotsinnen und -lotsen: Rat in vielen Sprachen",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Zwölf Menschen aus dem Quartier haben sich zu Gesundheitslotsinnen und -lotsen "
                "weiterbilden lassen. Sie helfen Nachbarinnen und Nachbarn, sich im "
                "Gesundheitssystem zurechtzufinden."
            ),
            "body": [
                ["heading", "Was die Lotsinnen und Lotsen tun"],
                [
                    "paragraph",
                    (
                        "Wie finde ich eine Kinderarztpraxis, die noch neue Patientinnen und "
                        "Patienten aufnimmt? Welche Vorsorgeuntersuchungen stehen meinem Kind zu? "
                        "Bei solchen Fragen helfen die Gesundheitslotsinnen und -lotsen. Sie "
                        "beraten nicht medizinisch, sondern zeigen Wege auf und begleiten auf "
                        "Wunsch zum ersten Termin."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Die Ehrenamtlichen sprechen zusammen zehn Sprachen, darunter Türkisch, "
                        "Arabisch, Russisch, Ukrainisch und Farsi. Ausgebildet wurden sie in einem "
                        "Kurs, den das Familienzentrum am Lindenplatz gemeinsam mit dem "
                        "Gesundheitsamt Auenstadt angeboten hat."
                    ),
                ],
                ["heading", "Sprechstunde"],
                [
                    "paragraph",
                    (
                        "Die Sprechstunde findet jeden Donnerstag von 10 bis 12 Uhr im "
                        "Familienzentrum am Lindenplatz statt. Eine Anmeldung ist nicht nötig. "
                        "Gespräche in einer bestimmten Sprache vereinbaren Sie am besten vorher "
                        "telefonisch mit dem Familienzentrum."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Health guides: advice in many languages",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "Twelve people from the neighbourhood have trained as health guides. They help "
                "their neighbours find their way around the health system."
            ),
            "body": [
                ["heading", "What the health guides do"],
                [
                    "paragraph",
                    (
                        "How do I find a paediatric practice that is still taking on new patients? "
                        "Which check-ups is my child entitled to? The health guides help with "
                        "questions like these. They do not give medical advice, but show people "
                        "where to go and, if requested, accompany them to their first appointment."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Between them, the volunteers speak ten languages, including Turkish, "
                        "Arabic, Russian, Ukrainian and Farsi. They were trained on a course "
                        "offered by the Lindenplatz Family Centre together with the Auenstadt "
                        "Public Health Department."
                    ),
                ],
                ["heading", "Drop-in session"],
                [
                    "paragraph",
                    (
                        "The drop-in session takes place every Thursday from 10 am to 12 noon at "
                        "the Lindenplatz Family Centre. There is no need to register. If you would "
                        "like to talk in a particular language, it is best to arrange this with "
                        "the family centre by phone beforehand."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "sozialraumanalyse-ergebnisse",
        "days_ago": 32,
        "fields": [
            "koordination-vernetzung",
            "soziale-lebenslagen-gesundheit",
            "soziale-infrastruktur-kinder-jugend",
        ],
        "de": {
            "title": "Sozialraumanalyse: Was die Zahlen über Mühlbach-Süd sagen",
            "author": "Team des Stadtteilbüros",
            "intro": (
                "Die neue Sozialraumanalyse liegt vor. Sie zeigt ein junges, vielfältiges Quartier "
                "mit großen Stärken im Zusammenhalt, aber auch mit Handlungsbedarf bei Kinderarmut "
                "und Spielflächen."
            ),
            "body": [
                ["heading", "Ein junges Quartier"],
                [
                    "paragraph",
                    (
                        "In Mühlbach-Süd leben rund 9.400 Menschen. Fast jede vierte Person ist "
                        "jünger als 18 Jahre, deutlich mehr als im Durchschnitt von Auenstadt. "
                        "Rund 40 Prozent der Bewohnerinnen und Bewohner haben eine "
                        "Einwanderungsgeschichte."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Sorgen macht die Kinderarmut: Mehr als ein Drittel der Kinder lebt in "
                        "Familien, die Bürgergeld oder andere Sozialleistungen beziehen. Zugleich "
                        "fehlen im westlichen Teil des Quartiers Spiel- und Bewegungsflächen."
                    ),
                ],
                ["heading", "Stärken und nächste Schritte"],
                [
                    "paragraph",
                    (
                        "In der Befragung nannten viele Bewohnerinnen und Bewohner die gute "
                        "Nachbarschaft, die aktiven Vereine und die kurzen Wege als größte "
                        "Stärken. Die Ergebnisse werden auf der nächsten Stadtteilkonferenz "
                        "diskutiert und fließen in die Fortschreibung des Integrierten "
                        "Handlungskonzepts ein. Der vollständige Bericht liegt im Stadtteilbüro "
                        "aus."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Social area analysis: what the figures say about Mühlbach-Süd",
            "author": "Neighbourhood office team",
            "intro": (
                "The new social area analysis is now available. It shows a young, diverse "
                "neighbourhood with great strengths in community spirit, but also a need for "
                "action on child poverty and play areas."
            ),
            "body": [
                ["heading", "A young neighbourhood"],
                [
                    "paragraph",
                    (
                        "Around 9,400 people live in Mühlbach-Süd. Almost one in four is under 18, "
                        "considerably more than the Auenstadt average. Around 40 per cent of "
                        "residents have a migration background."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Child poverty is a cause for concern: more than a third of children live "
                        "in families receiving citizen's income or other social benefits. At the "
                        "same time, the western part of the neighbourhood lacks space for play and "
                        "exercise."
                    ),
                ],
                ["heading", "Strengths and next steps"],
                [
                    "paragraph",
                    (
                        "In the survey, many residents named the good neighbourly relations, the "
                        "active associations and the short distances as the greatest strengths. "
                        "The results will be discussed at the next neighbourhood conference and "
                        "will feed into the update of the integrated action plan. The full report "
                        "is available at the neighbourhood office."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "stadtteilspaziergang-mehr-licht",
        "days_ago": 78,
        "fields": ["oeffentlicher-raum-sicherheit", "wohnen-wohnumfeld"],
        "de": {
            "title": "Stadtteilspaziergang: Mehr Licht für dunkle Ecken",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Beim abendlichen Stadtteilspaziergang haben rund 35 Bewohnerinnen und Bewohner "
                "gezeigt, wo sie sich unwohl fühlen. Erste Verbesserungen sind bereits zugesagt."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Der Rundgang führte vom Lindenplatz über den Fußweg am Mühlbach bis zur "
                        "Unterführung an der Brückenstraße. Mit dabei waren Vertreterinnen und "
                        "Vertreter des Ordnungsamts, des Bezirksdienstes der Polizei, des "
                        "Grünflächenamts und der Wohnbau Auenstadt."
                    ),
                ],
                ["heading", "Was sich ändern soll"],
                [
                    "paragraph",
                    (
                        "Besonders oft genannt wurden der unbeleuchtete Uferweg am Mühlbach und "
                        "zugewachsene Hecken am Erlenring. Das Tiefbauamt prüft nun zusätzliche "
                        "Laternen am Uferweg, die Wohnbau Auenstadt hat den Rückschnitt der Hecken "
                        "noch in diesem Herbst zugesagt."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Der Arbeitskreis Wohnumfeld behält die Zusagen im Blick und berichtet in "
                        "der nächsten Ausgabe der Stadtteilzeitung. Hinweise auf weitere dunkle "
                        "Ecken nimmt das Stadtteilbüro jederzeit entgegen."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Neighbourhood walk: more light for dark corners",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "On the evening neighbourhood walk, around 35 residents showed where they feel "
                "uncomfortable. The first improvements have already been promised."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "The walk led from Lindenplatz along the footpath by the Mühlbach stream "
                        "to the underpass on Brückenstraße. Representatives of the public order "
                        "office, the local police officers, the parks department and Wohnbau "
                        "Auenstadt took part."
                    ),
                ],
                ["heading", "What is to change"],
                [
                    "paragraph",
                    (
                        "The unlit riverside path along the Mühlbach and overgrown hedges on "
                        "Erlenring were mentioned most often. The civil engineering department is "
                        "now looking into additional street lights on the riverside path, and "
                        "Wohnbau Auenstadt has promised to cut back the hedges this autumn."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "The working group on the residential environment is keeping track of "
                        "these promises and will report in the next issue of the neighbourhood "
                        "newspaper. The neighbourhood office welcomes information about other dark "
                        "corners at any time."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "hausaufgabenhilfe-sucht-verstaerkung",
        "days_ago": 88,
        "fields": ["soziale-infrastruktur-kinder-jugend", "beteiligung-integration"],
        "de": {
            "title": "Hausaufgabenhilfe sucht Verstärkung",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Seit dem Ende der Sommerferien lernen wieder über 40 Kinder in der "
                "Hausaufgabenhilfe der Grundschule Am Mühlbach. Damit alle gut betreut werden, "
                "sucht die Schule weitere Ehrenamtliche."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Die Hausaufgabenhilfe findet von Montag bis Donnerstag jeweils von 14 bis "
                        "15.30 Uhr in der Schulbibliothek statt. Ehrenamtliche unterstützen Kinder "
                        "der Klassen 2 bis 4 beim Lesen, Rechnen und Schreiben. Viele der Kinder "
                        "sprechen zu Hause eine andere Sprache als Deutsch."
                    ),
                ],
                ["heading", "Wer kann mitmachen?"],
                [
                    "paragraph",
                    (
                        "Sie brauchen keine pädagogische Ausbildung, sondern Geduld und Freude an "
                        "der Arbeit mit Kindern. Schon ein Nachmittag pro Woche hilft. Die Schule "
                        "bietet eine kurze Einführung und regelmäßigen Austausch im Team an."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Für die Mitarbeit ist ein erweitertes Führungszeugnis nötig; für "
                        "Ehrenamtliche wird die Gebühr auf Antrag erlassen. Interessierte melden "
                        "sich im Sekretariat der Grundschule oder im Stadtteilbüro."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Homework help needs more volunteers",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "Since the end of the summer holidays, more than 40 children have been learning at "
                "the homework club of Am Mühlbach Primary School again. To make sure everyone gets "
                "enough support, the school is looking for more volunteers."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Homework help takes place from Monday to Thursday, 2 to 3.30 pm, in the "
                        "school library. Volunteers support children in years 2 to 4 with reading, "
                        "arithmetic and writing. Many of the children speak a language other than "
                        "German at home."
                    ),
                ],
                ["heading", "Who can take part?"],
                [
                    "paragraph",
                    (
                        "You do not need any teaching qualification, just patience and enjoyment "
                        "of working with children. Even one afternoon a week helps. The school "
                        "offers a short introduction and regular team meetings."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Volunteers need an extended certificate of good conduct; for voluntary "
                        "work, the fee is waived on application. If you are interested, please "
                        "contact the school office or the neighbourhood office."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "mieterberatung-im-stadtteilbuero",
        "days_ago": 120,
        "fields": ["wohnen-wohnumfeld", "soziale-lebenslagen-gesundheit"],
        "de": {
            "title": "Neu: Mieterberatung im Stadtteilbüro",
            "author": "Team des Stadtteilbüros",
            "intro": (
                "Ab sofort berät der Mieterverein Auenstadt einmal im Monat kostenlos im "
                "Stadtteilbüro. Das Angebot ergänzt die Sprechstunde der Mieterinitiative "
                "Erlenring."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Ob Nebenkostenabrechnung, Schimmel im Bad oder eine Mieterhöhung: Viele "
                        "Fragen rund um die Wohnung lassen sich in einem persönlichen Gespräch "
                        "klären. Eine Rechtsberaterin oder ein Rechtsberater des Mietervereins "
                        "sieht sich Ihre Unterlagen an und gibt eine erste rechtliche Einschätzung."
                    ),
                ],
                ["heading", "Termine und Anmeldung"],
                [
                    "paragraph",
                    (
                        "Die Beratung findet jeden zweiten Mittwoch im Monat von 16 bis 18 Uhr "
                        "statt. Bitte melden Sie sich im Stadtteilbüro an und bringen Sie Ihren "
                        "Mietvertrag und die betreffenden Schreiben mit. Für Bewohnerinnen und "
                        "Bewohner des Quartiers ist die Beratung kostenlos, auch ohne "
                        "Mitgliedschaft."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Bei Bedarf organisiert das Stadtteilbüro eine Sprachmittlung. Menschen "
                        "mit Mietschulden vermittelt das Team außerdem an die Sozialberatung der "
                        "Wohnbau Auenstadt und an die Schuldnerberatung."
                    ),
                ],
            ],
        },
        "en": {
            "title": "New: tenancy advice at the neighbourhood office",
            "author": "Neighbourhood office team",
            "intro": (
                "The Auenstadt Tenants' Association now offers free advice at the neighbourhood "
                "office once a month. The service complements the drop-in session of the Erlenring "
                "Tenants' Initiative."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Service charge statements, mould in the bathroom or a rent increase: many "
                        "questions about your home can be cleared up in a personal conversation. A "
                        "legal adviser from the tenants' association looks at your documents and "
                        "gives you an initial legal assessment."
                    ),
                ],
                ["heading", "Dates and registration"],
                [
                    "paragraph",
                    (
                        "Advice is available on the second Wednesday of every month from 4 to 6 "
                        "pm. Please register at the neighbourhood office and bring your tenancy "
                        "agreement and the relevant letters with you. The advice is free for "
                        "residents of the neighbourhood, even if they are not members."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "If needed, the neighbourhood office can arrange language mediation. The "
                        "team also refers people with rent arrears to Wohnbau Auenstadt's social "
                        "counselling service and to the debt advice service."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "strassenfest-rueckblick",
        "days_ago": 158,
        "fields": ["image-oeffentlichkeitsarbeit", "beteiligung-integration"],
        "de": {
            "title": "Straßenfest Mühlbach-Süd: Ein Nachmittag für alle",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Bei strahlendem Sonnenschein feierten rund 1.500 Menschen das Straßenfest in der "
                "Brückenstraße. Über 30 Vereine, Einrichtungen und Nachbarschaftsgruppen haben das "
                "Programm gestaltet."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Die Brückenstraße war zwischen Lindenplatz und Auenweg für den Verkehr "
                        "gesperrt und verwandelte sich in eine Festmeile. Auf der Bühne traten die "
                        "Tanzgruppe des Jugendtreffs, der Chor der Grundschule und eine Band aus "
                        "dem Quartier auf."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "An den Ständen gab es Gerichte aus mehr als 15 Ländern. Der TSV Mühlbach "
                        "lud zum Torwandschießen ein, und die Mieterinitiative Erlenring sammelte "
                        "Vorschläge für mehr Sitzbänke im Auenpark."
                    ),
                ],
                ["heading", "Danke an alle Helferinnen und Helfer"],
                [
                    "paragraph",
                    (
                        "Ohne die vielen Ehrenamtlichen beim Auf- und Abbau wäre das Fest nicht "
                        "möglich gewesen. Ein Teil der Kosten wurde aus dem Verfügungsfonds "
                        "getragen, Geschäfte aus dem Quartier haben Preise für die Tombola "
                        "gespendet. Fotos vom Fest finden Sie in der nächsten Ausgabe der "
                        "Stadtteilzeitung."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Mühlbach-Süd street festival: an afternoon for everyone",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "In glorious sunshine, around 1,500 people celebrated the street festival on "
                "Brückenstraße. More than 30 associations, institutions and neighbourhood groups "
                "put together the programme."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Brückenstraße was closed to traffic between Lindenplatz and Auenweg and "
                        "turned into a festival mile. On stage were the youth club's dance group, "
                        "the primary school choir and a band from the neighbourhood."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "The stalls offered dishes from more than 15 countries. TSV Mühlbach "
                        "invited visitors to try their luck at the goal wall, and the Erlenring "
                        "Tenants' Initiative collected suggestions for more benches in Auenpark."
                    ),
                ],
                ["heading", "Thank you to all the helpers"],
                [
                    "paragraph",
                    (
                        "The festival would not have been possible without the many volunteers who "
                        "helped set up and take down. Part of the costs was covered by the "
                        "neighbourhood fund, and local shops donated prizes for the raffle. You "
                        "will find photos of the festival in the next issue of the neighbourhood "
                        "newspaper."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "kinder-planen-spielplatz-pappelallee",
        "days_ago": 200,
        "fields": ["soziale-infrastruktur-kinder-jugend", "oeffentlicher-raum-sicherheit"],
        "de": {
            "title": "Kinder planen den neuen Spielplatz an der Pappelallee",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Der Spielplatz an der Pappelallee wird neu gestaltet, und die Kinder aus dem "
                "Quartier reden mit. In zwei Werkstätten haben sie Modelle gebaut und ihre Wünsche "
                "aufgeschrieben."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Rund 60 Kinder aus der Grundschule Am Mühlbach und dem Jugendtreff haben "
                        "an den Planungswerkstätten teilgenommen. Ganz oben auf der Wunschliste "
                        "standen eine große Kletterlandschaft, eine Wasserspielstelle und "
                        "schattige Plätze zum Ausruhen."
                    ),
                ],
                ["heading", "Wie es weitergeht"],
                [
                    "paragraph",
                    (
                        "Das Landschaftsarchitekturbüro arbeitet die Ideen nun in einen Entwurf "
                        "ein. Im Sommer wird der Entwurf öffentlich vorgestellt, dann können auch "
                        "Eltern sowie Nachbarinnen und Nachbarn Hinweise geben."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Der Umbau wird aus dem Programm Sozialer Zusammenhalt gefördert und soll "
                        "im nächsten Frühjahr beginnen. Während der Bauzeit können die Kinder den "
                        "Spielplatz an der Grundschule nutzen."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Children plan the new playground on Pappelallee",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "The playground on Pappelallee is being redesigned, and the children of the "
                "neighbourhood have a say. In two workshops they built models and wrote down their "
                "wishes."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Around 60 children from Am Mühlbach Primary School and the youth club "
                        "took part in the planning workshops. Top of the wish list were a large "
                        "climbing landscape, a water play area and shady places to rest."
                    ),
                ],
                ["heading", "What happens next"],
                [
                    "paragraph",
                    (
                        "The landscape architects are now working the ideas into a design. The "
                        "design will be presented to the public in the summer, when parents and "
                        "neighbours can also make suggestions."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "The redesign is funded by the Social Cohesion programme and is due to "
                        "start next spring. While the work is under way, the children can use the "
                        "playground at the primary school."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "fruehjahrsputz-rueckblick",
        "days_ago": 240,
        "fields": ["oeffentlicher-raum-sicherheit", "beteiligung-integration"],
        "de": {
            "title": "Frühjahrsputz: 120 Helferinnen und Helfer, 80 Säcke Müll",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Beim Frühjahrsputz haben Bewohnerinnen und Bewohner aller Generationen "
                "Grünflächen, Spielplätze und das Ufer des Mühlbachs von Müll befreit."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Ausgerüstet mit Handschuhen, Greifzangen und Säcken der Stadtreinigung "
                        "zogen die Gruppen vom Lindenplatz aus ins ganze Quartier. Mit dabei waren "
                        "Schulklassen, die Moscheegemeinde, der TSV Mühlbach und viele Familien."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Am Ende kamen rund 80 Säcke Müll zusammen, dazu ein Einkaufswagen, zwei "
                        "Fahrräder und ein Autoreifen aus dem Mühlbach. Die Stadtreinigung hat "
                        "alles noch am selben Tag abgeholt."
                    ),
                ],
                ["heading", "Gemeinsam Mittag essen"],
                [
                    "paragraph",
                    (
                        "Zum Abschluss gab es auf dem Lindenplatz eine Suppe, die die "
                        "Moscheegemeinde gekocht hatte. Viele Teilnehmende wünschen sich eine "
                        "Wiederholung im nächsten Jahr, und einige wollen künftig eine Patenschaft "
                        "für eine Grünfläche übernehmen."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Spring clean-up: 120 helpers, 80 bags of rubbish",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "At the spring clean-up, residents of all generations cleared rubbish from green "
                "spaces, playgrounds and the banks of the Mühlbach stream."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Equipped with gloves, litter pickers and bags from the municipal cleaning "
                        "service, the groups set off from Lindenplatz across the whole "
                        "neighbourhood. School classes, the mosque community, TSV Mühlbach and "
                        "many families took part."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "In the end, around 80 bags of rubbish were collected, plus a shopping "
                        "trolley, two bicycles and a car tyre from the Mühlbach. The municipal "
                        "cleaning service collected everything the same day."
                    ),
                ],
                ["heading", "Lunch together"],
                [
                    "paragraph",
                    (
                        "To round things off, there was soup cooked by the mosque community on "
                        "Lindenplatz. Many participants would like to repeat the clean-up next "
                        "year, and some want to adopt a green space in future."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "ausbildungsboerse-im-quartier",
        "days_ago": 305,
        "fields": [
            "beschaeftigung-ausbildung-lokale-oekonomie",
            "soziale-infrastruktur-kinder-jugend",
        ],
        "de": {
            "title": "Ausbildungsbörse: Betriebe aus dem Quartier stellen sich vor",
            "author": "Team des Stadtteilbüros",
            "intro": (
                "Zur ersten Ausbildungsbörse im Quartier kamen rund 150 Jugendliche und Eltern in "
                "den Jugendtreff. 18 Betriebe und Einrichtungen stellten Ausbildungsplätze und "
                "Praktika vor."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Vom Friseursalon über die Kfz-Werkstatt bis zur Pflegeeinrichtung: Viele "
                        "Ausbildungsbetriebe liegen direkt im Quartier oder sind mit dem Bus "
                        "schnell erreichbar. An den Ständen konnten die Jugendlichen Fragen "
                        "stellen und kleine Aufgaben ausprobieren."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Die Jobwerkstatt Mühlbach-Süd half vor Ort bei den Bewerbungsunterlagen "
                        "und machte kostenlose Bewerbungsfotos. Mehrere Jugendliche haben bereits "
                        "einen Termin für ein Praktikum vereinbart."
                    ),
                ],
                ["heading", "Fortsetzung geplant"],
                [
                    "paragraph",
                    (
                        "Das Stadtteilbüro hat die Börse gemeinsam mit der Jobwerkstatt, der "
                        "Agentur für Arbeit und dem Gewerbestammtisch organisiert. Wegen des "
                        "großen Zuspruchs soll sie künftig jedes Jahr stattfinden."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Apprenticeship fair: local businesses introduce themselves",
            "author": "Neighbourhood office team",
            "intro": (
                "Around 150 young people and parents came to the youth club for the "
                "neighbourhood's first apprenticeship fair. 18 businesses and institutions "
                "presented training places and internships."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "From the hairdresser's to the car repair shop and the care home: many "
                        "training companies are located right in the neighbourhood or can be "
                        "reached quickly by bus. At the stands, young people could ask questions "
                        "and try out small tasks."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "The Mühlbach-Süd Job Workshop helped with application documents on site "
                        "and took free photos for job applications. Several young people have "
                        "already arranged a date for an internship."
                    ),
                ],
                ["heading", "More to come"],
                [
                    "paragraph",
                    (
                        "The neighbourhood office organised the fair together with the Job "
                        "Workshop, the Employment Agency and the local business round table. "
                        "Because of the great response, it is to take place every year from now on."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "adventsmarkt-rueckblick",
        "days_ago": 350,
        "fields": ["image-oeffentlichkeitsarbeit", "beschaeftigung-ausbildung-lokale-oekonomie"],
        "de": {
            "title": "Adventsmarkt: Lichterglanz am Lindenplatz",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Der Adventsmarkt am Lindenplatz war auch in diesem Jahr ein Treffpunkt für die "
                "ganze Nachbarschaft. Erstmals waren auch Geschäfte aus der Brückenstraße mit "
                "eigenen Ständen dabei."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "An 18 Ständen gab es Selbstgebackenes, Handarbeiten und Gerichte aus "
                        "vielen Ländern. Die Holzwerkstatt des Jugendtreffs verkaufte Sterne und "
                        "Krippenfiguren; der Erlös fließt in die nächste Ferienfahrt."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Zum ersten Mal dabei waren eine Bäckerei, ein Blumenladen und ein "
                        "Lebensmittelgeschäft aus der Brückenstraße. Der Gewerbestammtisch möchte "
                        "die Zusammenarbeit mit den Vereinen im nächsten Jahr ausbauen."
                    ),
                ],
                ["heading", "Spenden für die Tafel"],
                [
                    "paragraph",
                    (
                        "Am Stand des Stadtteilbüros kamen Lebensmittelspenden für die "
                        "Ausgabestelle der Auenstädter Tafel zusammen. Herzlichen Dank an alle, "
                        "die gespendet, gebacken und Stände betreut haben."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Advent market: festive lights on Lindenplatz",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "Once again this year, the Advent market on Lindenplatz was a meeting place for "
                "the whole neighbourhood. For the first time, shops from Brückenstraße also had "
                "their own stalls."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "At 18 stalls there were home-made cakes and biscuits, handicrafts and "
                        "dishes from many countries. The youth club's woodwork shop sold stars and "
                        "nativity figures; the proceeds will go towards the next holiday trip."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "A bakery, a florist and a grocery shop from Brückenstraße took part for "
                        "the first time. The local business round table would like to expand its "
                        "cooperation with the associations next year."
                    ),
                ],
                ["heading", "Donations for the food bank"],
                [
                    "paragraph",
                    (
                        "Food donations for the Auenstadt food bank's distribution point were "
                        "collected at the neighbourhood office's stall. A big thank you to "
                        "everyone who donated, baked and looked after the stalls."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "stadtteilzeitung-sucht-mitschreibende",
        "days_ago": 400,
        "fields": ["image-oeffentlichkeitsarbeit", "beteiligung-integration"],
        "de": {
            "title": "Stadtteilzeitung sucht neue Mitschreibende",
            "author": "Redaktion Stadtteilzeitung",
            "intro": (
                "Die Stadtteilzeitung „Mühlbach-Blick“ erscheint viermal im Jahr und wird von "
                "Ehrenamtlichen gemacht. Für die nächsten Ausgaben sucht die Redaktion Verstärkung."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Ob Sie gern schreiben, fotografieren, zeichnen oder übersetzen: In der "
                        "Redaktion ist Platz für viele Talente. Erfahrung ist nicht nötig, das "
                        "Team des Stadtteilbüros bietet zum Einstieg eine kleine Schreibwerkstatt "
                        "an."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Die Zeitung wird in einer Auflage von 4.000 Stück an alle Haushalte im "
                        "Quartier verteilt und erscheint zusätzlich hier online. Besonders gesucht "
                        "sind Menschen, die Beiträge auf Türkisch, Arabisch, Russisch oder "
                        "Ukrainisch zusammenfassen können."
                    ),
                ],
                ["heading", "Redaktionstreffen"],
                [
                    "paragraph",
                    (
                        "Die Redaktion trifft sich jeden ersten Montag im Monat um 18 Uhr im "
                        "Stadtteilbüro am Weidenweg 14. Kommen Sie einfach vorbei oder schreiben "
                        "Sie an buero@muehlbach-sued.example, wenn Sie vorher Fragen haben."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Neighbourhood newspaper looks for new contributors",
            "author": "Neighbourhood newspaper editorial team",
            "intro": (
                "The neighbourhood newspaper “Mühlbach-Blick” is published four times a year and "
                "is made by volunteers. The editorial team is looking for reinforcements for the "
                "next issues."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Whether you like writing, taking photos, drawing or translating, there is "
                        "room for many talents in the editorial team. No experience is needed; the "
                        "neighbourhood office team offers a small writing workshop to get you "
                        "started."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "A print run of 4,000 copies is distributed to all households in the "
                        "neighbourhood, and the newspaper also appears online here. We are "
                        "particularly looking for people who can summarise articles in Turkish, "
                        "Arabic, Russian or Ukrainian."
                    ),
                ],
                ["heading", "Editorial meetings"],
                [
                    "paragraph",
                    (
                        "The editorial team meets on the first Monday of every month at 6 pm at "
                        "the neighbourhood office, Weidenweg 14. Just drop in, or write to "
                        "buero@muehlbach-sued.example if you have any questions beforehand."
                    ),
                ],
            ],
        },
    },
]

# Events: six upcoming, four past. The first one is translated into every language.
EVENTS = [
    {
        "slug": "adventsmarkt-lindenplatz",
        "days_from_now": 14,
        "start_time": "14:00",
        "duration_minutes": 300,
        "venue_accessibility": "step_free",
        "fields": [
            "beteiligung-integration",
            "image-oeffentlichkeitsarbeit",
            "beschaeftigung-ausbildung-lokale-oekonomie",
        ],
        "organiser_slug": None,
        "de": {
            "title": "Adventsmarkt am Lindenplatz",
            "intro": (
                "Am Lindenplatz leuchten wieder die Lichter: Vereine, Einrichtungen sowie "
                "Nachbarinnen und Nachbarn laden zum Adventsmarkt mit Selbstgemachtem, warmen "
                "Getränken und einem Programm für Kinder ein."
            ),
            "place_name": "Lindenplatz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": (
                "Stadtteilbüro Mühlbach-Süd gemeinsam mit Vereinen, Einrichtungen und Geschäften "
                "aus dem Quartier"
            ),
            "registration_note": (
                "Für den Besuch ist keine Anmeldung nötig. Wer einen eigenen Stand anbieten "
                "möchte, meldet sich bitte spätestens eine Woche vorher im Stadtteilbüro."
            ),
            "accessibility_notes": (
                "Der Platz ist eben und gepflastert. Eine barrierefreie Toilette gibt es im "
                "Familienzentrum am Lindenplatz 2. Am Brunnen ist eine Ruhezone mit Sitzbänken "
                "eingerichtet."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Rund 20 Stände bieten Selbstgebackenes, Handarbeiten, Weihnachtsschmuck "
                        "aus der Holzwerkstatt des Jugendtreffs und Spezialitäten aus den vielen "
                        "Küchen des Quartiers. Der Erlös vieler Stände kommt Projekten im "
                        "Stadtteil zugute."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Für Kinder gibt es eine Bastelstube im Familienzentrum, Stockbrot am "
                        "Feuerkorb und um 16 Uhr eine Vorlesestunde. Um 17 Uhr singt der Chor der "
                        "Grundschule Am Mühlbach."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Bringen Sie gern Ihren eigenen Becher mit. Am Stand des Stadtteilbüros "
                        "können Sie mit dem Team ins Gespräch kommen und Ideen für den "
                        "Verfügungsfonds im nächsten Jahr einbringen."
                    ),
                ],
            ],
        },
        "de-ls": {
            "title": "Advents-Markt am Linden-Platz",
            "intro": (
                "Bald ist Weihnachten. Die Wochen vor Weihnachten heißen Advent. Im Advent gibt es "
                "einen Markt am Linden-Platz. Alle können kommen."
            ),
            "place_name": "Linden-Platz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": "Das Stadtteil-Büro Mühlbach-Süd und andere Gruppen aus dem Quartier",
            "registration_note": (
                "Sie müssen sich nicht anmelden. Sie wollen selbst etwas verkaufen? Dann sagen Sie "
                "es dem Stadtteil-Büro. Das muss spätestens eine Woche vor dem Markt sein."
            ),
            "accessibility_notes": (
                "Der Platz hat keine Stufen. Es gibt eine Toilette für Menschen im Rollstuhl. Die "
                "Toilette ist im Familien-Zentrum. Das Familien-Zentrum ist am Linden-Platz 2. Am "
                "Brunnen gibt es Bänke. Dort können Sie sich ausruhen."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Es gibt ungefähr 20 Stände. Dort gibt es Kuchen und Kekse. Es gibt auch "
                        "Schmuck für Weihnachten. Und es gibt Essen aus vielen Ländern. Viele "
                        "Stände geben das Geld für Projekte im Quartier."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Für Kinder gibt es auch viel. Die Kinder können basteln. Um 16 Uhr liest "
                        "jemand eine Geschichte vor. Um 17 Uhr singen Kinder von der Grundschule."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Bringen Sie gern eine eigene Tasse mit. Dann gibt es weniger Müll. Das "
                        "Stadtteil-Büro hat auch einen Stand. Dort können Sie uns Ihre Ideen für "
                        "das Quartier sagen."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Advent market on Lindenplatz",
            "intro": (
                "The lights are shining on Lindenplatz again: associations, institutions and "
                "neighbours invite you to the Advent market with home-made goods, hot drinks and a "
                "programme for children."
            ),
            "place_name": "Lindenplatz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": (
                "Mühlbach-Süd neighbourhood office together with associations, institutions and "
                "shops from the neighbourhood"
            ),
            "registration_note": (
                "No registration is needed to visit. If you would like to run a stall of your own, "
                "please contact the neighbourhood office at least one week beforehand."
            ),
            "accessibility_notes": (
                "The square is level and paved. There is an accessible toilet at the family "
                "centre, Lindenplatz 2. A quiet area with benches has been set up by the fountain."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Around 20 stalls offer home baking, handicrafts, Christmas decorations "
                        "from the youth club's woodwork shop and specialities from the many "
                        "kitchens of the neighbourhood. The proceeds from many stalls go to "
                        "projects in the neighbourhood."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "For children there is a craft room in the family centre, twist bread "
                        "baked over the fire basket and a story-reading session at 4 pm. At 5 pm "
                        "the choir of Am Mühlbach Primary School will sing."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Feel free to bring your own cup. At the neighbourhood office's stall you "
                        "can chat with the team and share your ideas for next year's neighbourhood "
                        "fund."
                    ),
                ],
            ],
        },
        "tr": {
            "title": "Lindenplatz'ta Advent Pazarı",
            "intro": (
                "Lindenplatz'ta ışıklar yeniden yanıyor: Dernekler, kurumlar ve komşular; el "
                "yapımı ürünler, sıcak içecekler ve çocuklara yönelik programıyla Noel öncesi "
                "Advent Pazarı'na davet ediyor."
            ),
            "place_name": "Lindenplatz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": (
                "Mühlbach-Süd mahalle ofisi ile mahalledeki dernekler, kurumlar ve dükkânlar"
            ),
            "registration_note": (
                "Ziyaret için kayıt gerekmez. Kendi standını açmak isteyenler en geç bir hafta "
                "öncesinden mahalle ofisine başvurabilir."
            ),
            "accessibility_notes": (
                "Meydan düz ve taş döşelidir. Engelli tuvaleti Lindenplatz 2'deki aile merkezinde "
                "bulunmaktadır. Çeşmenin yanında oturma bankları olan bir dinlenme alanı vardır."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Yaklaşık 20 stantta ev yapımı kek ve kurabiyeler, el işleri, gençlik "
                        "merkezinin ahşap atölyesinden Noel süsleri ve mahallenin pek çok "
                        "mutfağından lezzetler sunuluyor. Birçok standın geliri mahalledeki "
                        "projelere aktarılıyor."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Çocuklar için aile merkezinde bir el işi odası, ateş sepetinde pişirilen "
                        "çubuk ekmek ve saat 16.00'da masal okuma saati var. Saat 17.00'de Am "
                        "Mühlbach İlkokulu korosu şarkı söyleyecek."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Dilerseniz kendi bardağınızı getirin. Mahalle ofisinin standında ekiple "
                        "sohbet edebilir ve gelecek yılın mahalle fonu için fikirlerinizi "
                        "paylaşabilirsiniz."
                    ),
                ],
            ],
        },
        "ar": {
            "title": "سوق زمن المجيء في ساحة ليندنبلاتس",
            "intro": (
                "تتلألأ الأضواء من جديد في ساحة ليندنبلاتس: تدعوكم الجمعيات والمؤسسات والجيران إلى "
                "سوق زمن المجيء الذي يسبق عيد الميلاد، مع منتجات مصنوعة يدويًا ومشروبات ساخنة "
                "وبرنامج للأطفال."
            ),
            "place_name": "ساحة ليندنبلاتس (Lindenplatz)",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": "مكتب حي مولباخ-زود بالتعاون مع جمعيات ومؤسسات ومتاجر من الحي",
            "registration_note": (
                "لا حاجة إلى التسجيل للزيارة. ومن يرغب في إقامة كشك خاص به، يُرجى أن يتواصل مع "
                "مكتب الحي قبل موعد السوق بأسبوع على الأقل."
            ),
            "accessibility_notes": (
                "الساحة مستوية ومرصوفة. وتوجد دورة مياه مهيّأة لذوي الإعاقة في مركز العائلة، "
                "Lindenplatz 2. وقد خُصّصت منطقة استراحة بمقاعد عند النافورة."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "تعرض نحو 20 كشكًا مخبوزات منزلية وأشغالًا يدوية وزينة عيد الميلاد من ورشة "
                        "الخشب في نادي الشباب، إلى جانب أطباق مميزة من مطابخ الحي المتنوعة. ويعود "
                        "ريع كثير من الأكشاك إلى مشاريع في الحي."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "ينتظر الأطفالَ ركنٌ للأشغال اليدوية في مركز العائلة، وخبز العصا المشوي "
                        "على موقد النار، وجلسة لقراءة القصص في الساعة 16:00. وفي الساعة 17:00 تغني "
                        "جوقة مدرسة Am Mühlbach الابتدائية."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "يسعدنا أن تُحضروا أكوابكم الخاصة. وفي كشك مكتب الحي يمكنكم التحدث مع "
                        "الفريق وتقديم أفكاركم لصندوق الحي في العام القادم."
                    ),
                ],
            ],
        },
        "ru": {
            "title": "Адвент-ярмарка на Линденплац",
            "intro": (
                "На Линденплац снова зажигаются огни: объединения, учреждения и соседи приглашают "
                "на предрождественскую ярмарку с изделиями ручной работы, горячими напитками и "
                "программой для детей."
            ),
            "place_name": "Линденплац (Lindenplatz)",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": (
                "Бюро района Мюльбах-Зюд вместе с объединениями, учреждениями и магазинами района"
            ),
            "registration_note": (
                "Для посещения регистрация не нужна. Если вы хотите открыть собственный стенд, "
                "пожалуйста, сообщите об этом в бюро района не позднее чем за неделю."
            ),
            "accessibility_notes": (
                "Площадь ровная и вымощена брусчаткой. Туалет для людей с инвалидностью есть в "
                "семейном центре по адресу Lindenplatz 2. У фонтана оборудована зона отдыха со "
                "скамейками."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Около 20 стендов предлагают домашнюю выпечку, изделия ручной работы, "
                        "рождественские украшения из столярной мастерской молодёжного клуба и "
                        "блюда многих кухонь района. Выручка многих стендов пойдёт на проекты в "
                        "районе."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Для детей работает мастерская поделок в семейном центре, можно испечь "
                        "хлеб на палочке над костровой чашей, а в 16:00 начнётся чтение сказок. В "
                        "17:00 выступит хор начальной школы Am Mühlbach."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Приносите, пожалуйста, свою кружку. У стенда бюро района можно пообщаться "
                        "с командой и предложить идеи для фонда района на следующий год."
                    ),
                ],
            ],
        },
        "uk": {
            "title": "Адвент-ярмарок на Лінденплац",
            "intro": (
                "На Лінденплац знову засвічуються вогні: об'єднання, установи та сусіди запрошують "
                "на передріздвяний ярмарок із виробами ручної роботи, гарячими напоями та "
                "програмою для дітей."
            ),
            "place_name": "Лінденплац (Lindenplatz)",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": (
                "Бюро району Мюльбах-Зюд разом з об'єднаннями, установами та магазинами району"
            ),
            "registration_note": (
                "Для відвідування реєстрація не потрібна. Якщо ви бажаєте мати власний стенд, будь "
                "ласка, повідомте бюро району щонайменше за тиждень."
            ),
            "accessibility_notes": (
                "Площа рівна й вимощена бруківкою. Туалет для людей з інвалідністю є в сімейному "
                "центрі за адресою Lindenplatz 2. Біля фонтана облаштовано зону відпочинку з "
                "лавками."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Близько 20 стендів пропонують домашню випічку, вироби ручної роботи, "
                        "різдвяні прикраси зі столярної майстерні молодіжного клубу та страви "
                        "багатьох кухонь району. Виторг багатьох стендів піде на проєкти в районі."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Для дітей працюватиме майстерня саморобок у сімейному центрі, можна буде "
                        "спекти хліб на паличці над вогнищем у чаші, а о 16:00 почнеться читання "
                        "казок. О 17:00 виступить хор початкової школи Am Mühlbach."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Приносьте, будь ласка, власну чашку. Біля стенда бюро району можна "
                        "поспілкуватися з командою та запропонувати ідеї для фонду району на "
                        "наступний рік."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "sprachcafe-winterbraeuche",
        "days_from_now": 3,
        "start_time": "16:00",
        "duration_minutes": 120,
        "venue_accessibility": "step_free",
        "fields": ["beteiligung-integration"],
        "organiser_slug": "brueckenschlag-ev",
        "de": {
            "title": "Sprachcafé: Deutsch sprechen bei Tee und Gebäck",
            "intro": (
                "Im Sprachcafé üben Sie Deutsch im Gespräch, ganz ohne Prüfungsdruck. Diesmal geht "
                "es um Feste und Bräuche im Winter."
            ),
            "place_name": "Brückenschlag e. V., Ladenlokal am Lindenplatz",
            "address": "Lindenplatz 9, 99999 Auenstadt",
            "organiser": "Brückenschlag e. V.",
            "registration_note": "Keine Anmeldung nötig. Die Teilnahme ist kostenlos.",
            "accessibility_notes": (
                "Der Eingang ist stufenlos. Eine barrierefreie Toilette gibt es nicht; die nächste "
                "befindet sich im Familienzentrum, Lindenplatz 2."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Ehrenamtliche Gesprächspartnerinnen und -partner sitzen mit Ihnen an "
                        "kleinen Tischen. Alle Sprachniveaus sind willkommen, auch wenn Sie gerade "
                        "erst mit Deutsch anfangen."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Thema dieses Nachmittags sind Feste und Bräuche im Winter: Was feiern Sie "
                        "im Dezember und Januar, und wie? Bringen Sie gern ein Foto oder ein "
                        "Rezept mit."
                    ),
                ],
                [
                    "paragraph",
                    "Für kleine Kinder gibt es eine Spielecke. Tee und Gebäck stellt der Verein.",
                ],
            ],
        },
        "en": {
            "title": "Language café: speaking German over tea and biscuits",
            "intro": (
                "At the language café you practise German in conversation, without any exam "
                "pressure. This time the topic is winter festivals and customs."
            ),
            "place_name": "Brückenschlag e. V., shop premises on Lindenplatz",
            "address": "Lindenplatz 9, 99999 Auenstadt",
            "organiser": "Brückenschlag e. V.",
            "registration_note": "No registration needed. Taking part is free of charge.",
            "accessibility_notes": (
                "The entrance is step-free. There is no accessible toilet; the nearest one is at "
                "the family centre, Lindenplatz 2."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Volunteer conversation partners sit with you at small tables. All "
                        "language levels are welcome, even if you are just starting to learn "
                        "German."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "This afternoon's topic is winter festivals and customs: what do you "
                        "celebrate in December and January, and how? Feel free to bring a photo or "
                        "a recipe."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "There is a play corner for small children. Tea and biscuits are provided "
                        "by the association."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "stadtteilkonferenz-jahresplanung",
        "days_from_now": 25,
        "start_time": "18:00",
        "duration_minutes": 150,
        "venue_accessibility": "full",
        "fields": ["koordination-vernetzung", "beteiligung-integration"],
        "organiser_slug": None,
        "de": {
            "title": "Stadtteilkonferenz: Was nehmen wir uns für das nächste Jahr vor?",
            "intro": (
                "Die Stadtteilkonferenz bringt alle zusammen, die sich in Mühlbach-Süd engagieren. "
                "Im Mittelpunkt stehen die Ergebnisse der Sozialraumanalyse und die Schwerpunkte "
                "für das kommende Jahr."
            ),
            "place_name": "Aula der Grundschule Am Mühlbach",
            "address": "Am Mühlbach 20, 99999 Auenstadt",
            "organiser": "Stadtteilbüro Mühlbach-Süd",
            "registration_note": (
                "Offen für alle Bewohnerinnen und Bewohner sowie für Vertreterinnen und Vertreter "
                "von Einrichtungen. Bitte melden Sie sich bis eine Woche vorher im Stadtteilbüro "
                "an, damit wir Stühle, Verpflegung und Kinderbetreuung planen können."
            ),
            "accessibility_notes": (
                "Die Aula ist über eine Rampe stufenlos erreichbar, eine barrierefreie Toilette "
                "ist vorhanden. Eine Verdolmetschung in Deutsche Gebärdensprache organisieren wir "
                "gern, wenn Sie sich zwei Wochen vorher melden."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Das Team des Stadtteilbüros stellt kurz vor, was in diesem Jahr erreicht "
                        "wurde und wo es noch hakt. Danach präsentiert das beauftragte "
                        "Planungsbüro die wichtigsten Ergebnisse der Sozialraumanalyse."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Anschließend sammeln wir in Arbeitsgruppen Vorschläge für die "
                        "Schwerpunkte des kommenden Jahres. Die Ergebnisse fließen in die "
                        "Fortschreibung des Integrierten Handlungskonzepts ein."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Für Kinderbetreuung ist gesorgt. Sprachmittlerinnen und Sprachmittler für "
                        "Türkisch, Arabisch und Ukrainisch sind vor Ort."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Neighbourhood conference: what are our plans for next year?",
            "intro": (
                "The neighbourhood conference brings together everyone who is active in "
                "Mühlbach-Süd. The focus is on the results of the social area analysis and the "
                "priorities for the coming year."
            ),
            "place_name": "Assembly hall of Am Mühlbach Primary School",
            "address": "Am Mühlbach 20, 99999 Auenstadt",
            "organiser": "Mühlbach-Süd neighbourhood office",
            "registration_note": (
                "Open to all residents and to representatives of local institutions. Please "
                "register with the neighbourhood office up to one week beforehand so that we can "
                "plan chairs, refreshments and childcare."
            ),
            "accessibility_notes": (
                "The assembly hall is step-free via a ramp, and there is an accessible toilet. We "
                "will gladly arrange German Sign Language interpreting if you let us know two "
                "weeks in advance."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "The neighbourhood office team will briefly present what has been achieved "
                        "this year and where there are still problems. The commissioned planning "
                        "consultancy will then present the main results of the social area "
                        "analysis."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Afterwards, we will collect proposals for next year's priorities in "
                        "working groups. The results will feed into the update of the integrated "
                        "action plan."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Childcare is provided. Language mediators for Turkish, Arabic and "
                        "Ukrainian will be present."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "neujahrsempfang-im-quartier",
        "days_from_now": 49,
        "start_time": "15:00",
        "duration_minutes": 180,
        "venue_accessibility": "full",
        "fields": [
            "koordination-vernetzung",
            "image-oeffentlichkeitsarbeit",
            "beteiligung-integration",
        ],
        "organiser_slug": None,
        "de": {
            "title": "Neujahrsempfang im Quartier",
            "intro": (
                "Zum Jahresbeginn lädt das Stadtteilbüro alle Bewohnerinnen und Bewohner sowie die "
                "Akteure im Quartier zum Neujahrsempfang ein. Im Mittelpunkt stehen die vielen "
                "Menschen, die sich ehrenamtlich für Mühlbach-Süd engagieren."
            ),
            "place_name": "Familienzentrum am Lindenplatz, großer Saal",
            "address": "Lindenplatz 2, 99999 Auenstadt",
            "organiser": "Stadtteilbüro Mühlbach-Süd",
            "registration_note": "",
            "accessibility_notes": (
                "Der Saal ist stufenlos erreichbar, eine barrierefreie Toilette und ein Wickelraum "
                "sind vorhanden. Eine mobile Höranlage steht zur Verfügung."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Nach einer kurzen Begrüßung blickt das Team des Stadtteilbüros in Bildern "
                        "auf das vergangene Jahr zurück: vom Frühjahrsputz über das Straßenfest "
                        "bis zum Adventsmarkt. Anschließend stellt die Stadtverwaltung die "
                        "wichtigsten Vorhaben für das neue Jahr vor."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Ein besonderer Dank gilt den Ehrenamtlichen aus Hausaufgabenhilfe, "
                        "Stadtteilzeitung, Gesundheitslotsen, Verfügungsfondsjury und vielen "
                        "weiteren Gruppen. Sie erhalten eine kleine Anerkennung, die Jugendliche "
                        "in der Holzwerkstatt des Jugendtreffs gefertigt haben."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "An Infotischen können Sie sich über den Verfügungsfonds, den neuen "
                        "Spielplatz an der Pappelallee und den geplanten Stadtteiltreff in der "
                        "Brückenstraße informieren. Für Getränke und einen kleinen Imbiss ist "
                        "gesorgt."
                    ),
                ],
            ],
        },
        "en": {
            "title": "New Year reception in the neighbourhood",
            "intro": (
                "At the start of the year, the neighbourhood office invites all residents and "
                "local organisations to a New Year reception. The focus is on the many people who "
                "volunteer for Mühlbach-Süd."
            ),
            "place_name": "Lindenplatz Family Centre, main hall",
            "address": "Lindenplatz 2, 99999 Auenstadt",
            "organiser": "Mühlbach-Süd neighbourhood office",
            "registration_note": "",
            "accessibility_notes": (
                "The hall is step-free, and there is an accessible toilet and a baby-changing "
                "room. A portable hearing loop is available."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "After a short welcome, the neighbourhood office team will look back on "
                        "the past year in pictures, from the spring clean-up and the street "
                        "festival to the Advent market. The town administration will then present "
                        "the most important plans for the new year."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Special thanks go to the volunteers from the homework club, the "
                        "neighbourhood newspaper, the health guides, the neighbourhood fund jury "
                        "and many other groups. They will receive a small token of appreciation "
                        "made by young people in the youth club's woodwork shop."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "At information tables you can find out about the neighbourhood fund, the "
                        "new playground on Pappelallee and the planned community meeting place on "
                        "Brückenstraße. Drinks and a small snack will be provided."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "mieterversammlung-erlenring",
        "days_from_now": 62,
        "start_time": "18:30",
        "duration_minutes": 120,
        "venue_accessibility": "partial",
        "fields": ["wohnen-wohnumfeld"],
        "organiser_slug": "mieterinitiative-erlenring",
        "de": {
            "title": "Mieterversammlung: Heizkosten und geplante Modernisierung",
            "intro": (
                "Die Mieterinitiative Erlenring lädt alle Mieterinnen und Mieter der Häuser am "
                "Erlenring und in der Pappelallee zur Versammlung ein. Die Wohnbau Auenstadt "
                "informiert über die geplante Modernisierung und beantwortet Fragen."
            ),
            "place_name": "Gemeinschaftsraum der Mieterinitiative",
            "address": "Erlenring 27, 99999 Auenstadt",
            "organiser": "Mieterinitiative Erlenring",
            "registration_note": (
                "Keine Anmeldung nötig. Fragen können Sie vorab in den Briefkasten der Initiative "
                "am Erlenring 27 werfen."
            ),
            "accessibility_notes": (
                "Am Eingang gibt es eine Stufe von etwa 10 cm; eine mobile Rampe wird angelegt. "
                "Eine barrierefreie Toilette ist nicht vorhanden."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Viele Haushalte haben in den letzten Wochen ihre Heizkostenabrechnung "
                        "erhalten, einige mit hohen Nachzahlungen. Die Initiative erklärt, wie "
                        "eine Abrechnung aufgebaut ist und worauf Sie beim Prüfen achten sollten."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Im zweiten Teil stellt die Wohnbau Auenstadt die Pläne für die "
                        "energetische Modernisierung der Häuser Erlenring 21 bis 31 vor: neue "
                        "Fenster, gedämmte Fassaden und der Anschluss an das Fernwärmenetz. Es "
                        "geht auch darum, wie sich die Arbeiten auf die Miete auswirken und wie "
                        "Mieterinnen und Mieter während der Bauzeit unterstützt werden."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Eine Rechtsberaterin oder ein Rechtsberater des Mietervereins Auenstadt "
                        "ist anwesend. Für Russisch und Türkisch gibt es eine Sprachmittlung."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Tenants' meeting: heating costs and planned modernisation",
            "intro": (
                "The Erlenring Tenants' Initiative invites all tenants of the buildings on "
                "Erlenring and Pappelallee to a meeting. Wohnbau Auenstadt will provide "
                "information on the planned modernisation and answer questions."
            ),
            "place_name": "Community room of the tenants' initiative",
            "address": "Erlenring 27, 99999 Auenstadt",
            "organiser": "Erlenring Tenants' Initiative",
            "registration_note": (
                "No registration needed. You can drop questions into the initiative's letterbox at "
                "Erlenring 27 in advance."
            ),
            "accessibility_notes": (
                "There is a step of about 10 cm at the entrance; a portable ramp will be put in "
                "place. There is no accessible toilet."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Many households have received their heating cost statements in recent "
                        "weeks, some with large additional payments. The initiative will explain "
                        "how a statement is structured and what to look out for when checking it."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "In the second part, Wohnbau Auenstadt will present its plans for the "
                        "energy-efficient modernisation of the buildings at Erlenring 21 to 31: "
                        "new windows, insulated façades and connection to the district heating "
                        "network. The discussion will also cover how the work will affect rents "
                        "and how tenants will be supported while it is carried out."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "A legal adviser from the Auenstadt Tenants' Association will be present. "
                        "Language mediation is available for Russian and Turkish."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "fruehjahrsputz-im-quartier",
        "days_from_now": 119,
        "start_time": "10:00",
        "duration_minutes": 180,
        "venue_accessibility": "step_free",
        "fields": ["oeffentlicher-raum-sicherheit", "beteiligung-integration"],
        "organiser_slug": None,
        "de": {
            "title": "Frühjahrsputz im Quartier",
            "intro": (
                "Gemeinsam machen wir Mühlbach-Süd frühlingsfein: Beim Frühjahrsputz befreien "
                "Nachbarinnen und Nachbarn Grünflächen, Spielplätze und das Mühlbach-Ufer von Müll."
            ),
            "place_name": "Treffpunkt Lindenplatz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": "Stadtteilbüro Mühlbach-Süd mit der Stadtreinigung Auenstadt",
            "registration_note": (
                "Einzelpersonen können einfach vorbeikommen. Gruppen, Schulklassen und Vereine "
                "melden sich bitte bis zwei Wochen vorher im Stadtteilbüro an, damit genug "
                "Material bereitliegt."
            ),
            "accessibility_notes": (
                "Der Treffpunkt am Lindenplatz ist stufenlos. Einige Sammelrouten führen über "
                "unbefestigte Wege und Wiesen; eine Route verläuft auf gepflasterten Wegen rund um "
                "den Lindenplatz."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Die Stadtreinigung stellt Handschuhe, Greifzangen und Müllsäcke bereit "
                        "und holt den gesammelten Müll anschließend ab. In kleinen Gruppen geht es "
                        "vom Lindenplatz aus in den Auenpark, an das Ufer des Mühlbachs und zu den "
                        "Spielplätzen."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Kinder sind herzlich willkommen und sammeln in Begleitung von "
                        "Erwachsenen. Bitte tragen Sie feste Schuhe und wetterfeste Kleidung."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Zum Abschluss gibt es gegen 13 Uhr auf dem Lindenplatz eine warme Suppe "
                        "für alle Helferinnen und Helfer."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Spring clean-up in the neighbourhood",
            "intro": (
                "Let's get Mühlbach-Süd ready for spring together: at the spring clean-up, "
                "neighbours clear rubbish from green spaces, playgrounds and the banks of the "
                "Mühlbach."
            ),
            "place_name": "Meeting point Lindenplatz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": (
                "Mühlbach-Süd neighbourhood office with the Auenstadt municipal cleaning service"
            ),
            "registration_note": (
                "Individuals can simply come along. Groups, school classes and associations are "
                "asked to register with the neighbourhood office up to two weeks beforehand so "
                "that there is enough equipment."
            ),
            "accessibility_notes": (
                "The meeting point on Lindenplatz is step-free. Some collection routes lead over "
                "unpaved paths and meadows; one route runs along paved paths around Lindenplatz."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "The municipal cleaning service provides gloves, litter pickers and "
                        "rubbish bags and collects the rubbish afterwards. In small groups, we set "
                        "off from Lindenplatz to Auenpark, the banks of the Mühlbach and the "
                        "playgrounds."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Children are very welcome and collect accompanied by adults. Please wear "
                        "sturdy shoes and weatherproof clothing."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "To round things off, there will be hot soup for all helpers on "
                        "Lindenplatz at around 1 pm."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "laternenumzug-auenpark",
        "days_from_now": -10,
        "start_time": "17:00",
        "duration_minutes": 90,
        "venue_accessibility": "partial",
        "fields": ["soziale-infrastruktur-kinder-jugend", "beteiligung-integration"],
        "organiser_slug": "familienzentrum-lindenplatz",
        "de": {
            "title": "Laternenumzug durch den Auenpark",
            "intro": (
                "Zum Martinstag zieht ein Laternenumzug vom Familienzentrum durch den Auenpark zur "
                "Grundschule Am Mühlbach. Alle Familien aus dem Quartier sind eingeladen, mit "
                "selbst gebastelten oder gekauften Laternen mitzugehen."
            ),
            "place_name": "Start am Familienzentrum am Lindenplatz",
            "address": "Lindenplatz 2, 99999 Auenstadt",
            "organiser": "Familienzentrum am Lindenplatz",
            "registration_note": (
                "Keine Anmeldung nötig. Wer noch eine Laterne basteln möchte, kann das in der "
                "Woche davor im Elterncafé tun."
            ),
            "accessibility_notes": (
                "Der Weg durch den Auenpark ist zum Teil ein Schotterweg; er ist mit Kinderwagen "
                "und Rollstuhl befahrbar, aber uneben. Eine kürzere, gepflasterte Route über die "
                "Brückenstraße wird von Helferinnen und Helfern begleitet."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Den Umzug begleiten ein Posaunenchor und die Freiwillige Feuerwehr "
                        "Auenstadt, die auch die Straßen absichert. Unterwegs gibt es am Mühlbach "
                        "einen kurzen Halt mit Laternenliedern."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Am Ziel auf dem Schulhof der Grundschule warten ein Feuerkorb, "
                        "Kinderpunsch und Weckmänner. Die Moscheegemeinde und der Elternrat der "
                        "Grundschule helfen bei der Verpflegung."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Lantern procession through Auenpark",
            "intro": (
                "For St Martin's Day, a lantern procession will make its way from the family "
                "centre through Auenpark to Am Mühlbach Primary School. All families in the "
                "neighbourhood are invited to join in with home-made or bought lanterns."
            ),
            "place_name": "Starting point: Lindenplatz Family Centre",
            "address": "Lindenplatz 2, 99999 Auenstadt",
            "organiser": "Lindenplatz Family Centre",
            "registration_note": (
                "No registration needed. If you would still like to make a lantern, you can do so "
                "at the parents' café in the week before."
            ),
            "accessibility_notes": (
                "Part of the path through Auenpark is gravel; it is passable with pushchairs and "
                "wheelchairs but uneven. A shorter, paved route along Brückenstraße will be "
                "accompanied by helpers."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "The procession will be accompanied by a brass band and the Auenstadt "
                        "volunteer fire brigade, which will also secure the roads. On the way "
                        "there will be a short stop by the Mühlbach to sing lantern songs."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "At the destination in the primary school playground there will be a fire "
                        "basket, children's punch and sweet bread figures. The mosque community "
                        "and the primary school's parents' council are helping with the "
                        "refreshments."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "tag-der-offenen-moschee",
        "days_from_now": -49,
        "start_time": "11:00",
        "duration_minutes": 360,
        "venue_accessibility": "partial",
        "fields": ["beteiligung-integration"],
        "organiser_slug": "moscheegemeinde-muehlbach",
        "de": {
            "title": "Tag der offenen Moschee",
            "intro": (
                "Die Moscheegemeinde Mühlbach-Süd öffnet ihre Türen für alle Nachbarinnen und "
                "Nachbarn. Bei Führungen, Gesprächen und Tee können Sie die Gemeinde und ihre "
                "Arbeit kennenlernen."
            ),
            "place_name": "Moschee der Moscheegemeinde Mühlbach-Süd",
            "address": "Brückenstraße 61, 99999 Auenstadt",
            "organiser": "Moscheegemeinde Mühlbach-Süd e. V.",
            "registration_note": (
                "Keine Anmeldung nötig. Gruppen ab zehn Personen melden sich bitte vorher per "
                "E-Mail an."
            ),
            "accessibility_notes": (
                "Der Gebetsraum im Erdgeschoss ist stufenlos erreichbar. Die Ausstellung im ersten "
                "Stock ist nur über eine Treppe zugänglich; auf Wunsch zeigen wir die Bilder auch "
                "im Erdgeschoss."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Führungen durch den Gebetsraum beginnen zu jeder vollen Stunde. "
                        "Mitglieder der Gemeinde erklären, wie ein Gebet abläuft, welche Bedeutung "
                        "die Moschee im Alltag hat und wie sich die Gemeinde im Quartier einbringt."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Im Gebetsraum werden die Schuhe ausgezogen, besondere Kleidung ist nicht "
                        "nötig. Während der Gebetszeiten werden die Führungen kurz unterbrochen."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Im Gemeinschaftsraum gibt es Tee, Gebäck und eine kleine Ausstellung zur "
                        "Geschichte der Gemeinde, die vor über 30 Jahren von Arbeitsmigrantinnen "
                        "und Arbeitsmigranten gegründet wurde."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Open Mosque Day",
            "intro": (
                "The Mühlbach-Süd mosque community opens its doors to all neighbours. Through "
                "guided tours, conversations and tea, you can get to know the community and its "
                "work."
            ),
            "place_name": "Mosque of the Mühlbach-Süd mosque community",
            "address": "Brückenstraße 61, 99999 Auenstadt",
            "organiser": "Mühlbach-Süd Mosque Community",
            "registration_note": (
                "No registration needed. Groups of ten or more are asked to register in advance by "
                "e-mail."
            ),
            "accessibility_notes": (
                "The prayer hall on the ground floor is step-free. The exhibition on the first "
                "floor can only be reached by stairs; on request we will also show the pictures on "
                "the ground floor."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Guided tours of the prayer hall start every hour on the hour. Members of "
                        "the community explain how prayers are performed, what the mosque means in "
                        "everyday life and how the community contributes to the neighbourhood."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Shoes are taken off in the prayer hall; no special clothing is needed. "
                        "Tours are briefly interrupted during prayer times."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "In the community room there is tea, pastries and a small exhibition on "
                        "the history of the community, which was founded more than 30 years ago by "
                        "migrant workers."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "stadtteilspaziergang-am-abend",
        "days_from_now": -84,
        "start_time": "20:00",
        "duration_minutes": 120,
        "venue_accessibility": "partial",
        "fields": ["oeffentlicher-raum-sicherheit", "wohnen-wohnumfeld"],
        "organiser_slug": None,
        "de": {
            "title": "Abendlicher Stadtteilspaziergang: Wo fühlen Sie sich unsicher?",
            "intro": (
                "Bei einem Rundgang in der Dämmerung zeigen Bewohnerinnen und Bewohner, welche "
                "Orte im Quartier sie abends meiden und warum. Fachleute aus Verwaltung und "
                "Polizei hören zu und nehmen Hinweise auf."
            ),
            "place_name": "Treffpunkt: Brunnen am Lindenplatz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": "Stadtteilbüro Mühlbach-Süd und Arbeitskreis Wohnumfeld",
            "registration_note": "",
            "accessibility_notes": (
                "Der Rundgang ist etwa 2,5 Kilometer lang und führt teilweise über unbefestigte "
                "Wege. Wenn Sie einen Rollstuhl oder Rollator nutzen, melden Sie sich bitte "
                "vorher; wir planen dann eine Alternativroute."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Der Weg führt vom Lindenplatz über den Uferweg am Mühlbach und den "
                        "Erlenring bis zur Unterführung an der Brückenstraße. An mehreren "
                        "Stationen halten wir an und sammeln Eindrücke: Ist die Beleuchtung "
                        "ausreichend? Sind die Wege gut einsehbar? Was fehlt?"
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Mit dabei sind Vertreterinnen und Vertreter von Ordnungsamt, Polizei, "
                        "Grünflächenamt und Wohnbau Auenstadt. Die Ergebnisse werden dokumentiert "
                        "und im Arbeitskreis Wohnumfeld weiterverfolgt."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Bitte bringen Sie eine Taschenlampe mit. Im Anschluss gibt es einen "
                        "kleinen Imbiss im Jugendtreff am Erlenring."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Evening neighbourhood walk: where do you feel unsafe?",
            "intro": (
                "On a walk at dusk, residents show which places in the neighbourhood they avoid in "
                "the evening and why. Experts from the administration and the police listen and "
                "take note."
            ),
            "place_name": "Meeting point: fountain on Lindenplatz",
            "address": "Lindenplatz, 99999 Auenstadt",
            "organiser": (
                "Mühlbach-Süd neighbourhood office and the working group on the residential "
                "environment"
            ),
            "registration_note": "",
            "accessibility_notes": (
                "The walk is about 2.5 kilometres long and partly follows unpaved paths. If you "
                "use a wheelchair or rollator, please let us know in advance and we will plan an "
                "alternative route."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "The route leads from Lindenplatz along the riverside path by the Mühlbach "
                        "and Erlenring to the underpass on Brückenstraße. We will stop at several "
                        "points to gather impressions: is the lighting sufficient? Can the paths "
                        "be seen clearly? What is missing?"
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Representatives of the public order office, the police, the parks "
                        "department and Wohnbau Auenstadt will take part. The results will be "
                        "documented and followed up in the working group on the residential "
                        "environment."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Please bring a torch. Afterwards there will be a small snack at the youth "
                        "club on Erlenring."
                    ),
                ],
            ],
        },
    },
    {
        "slug": "strassenfest-muehlbach-sued",
        "days_from_now": -161,
        "start_time": "13:00",
        "duration_minutes": 360,
        "venue_accessibility": "full",
        "fields": ["image-oeffentlichkeitsarbeit", "beteiligung-integration"],
        "organiser_slug": None,
        "de": {
            "title": "Straßenfest Mühlbach-Süd",
            "intro": (
                "Einmal im Jahr wird die Brückenstraße zur Festmeile: Vereine, Einrichtungen und "
                "Nachbarschaftsgruppen laden zu Musik, Essen aus aller Welt und Mitmachaktionen "
                "ein."
            ),
            "place_name": "Brückenstraße zwischen Lindenplatz und Auenweg",
            "address": "Brückenstraße, 99999 Auenstadt",
            "organiser": (
                "Stadtteilbüro Mühlbach-Süd gemeinsam mit über 30 Akteuren aus dem Quartier"
            ),
            "registration_note": (
                "Für den Besuch ist keine Anmeldung nötig. Anmeldeschluss für Stände ist vier "
                "Wochen vor dem Fest."
            ),
            "accessibility_notes": (
                "Die Straße ist eben und für den Verkehr gesperrt. Eine barrierefreie Toilette "
                "steht am Lindenplatz bereit. Vor der Bühne gibt es einen freigehaltenen Bereich "
                "für Menschen im Rollstuhl."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Auf der Bühne am Lindenplatz treten Gruppen aus dem Quartier auf, von der "
                        "Tanzgruppe des Jugendtreffs bis zum Chor der Grundschule. An den Ständen "
                        "gibt es Gerichte aus vielen Ländern sowie Kaffee und Kuchen."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Für Kinder gibt es eine Hüpfburg, Kinderschminken und ein Torwandschießen "
                        "des TSV Mühlbach. Das Stadtteilbüro informiert an seinem Stand über "
                        "laufende Projekte und den Verfügungsfonds."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "Um 18 Uhr wird die Tombola ausgelost. Die Preise haben Geschäfte aus dem "
                        "Quartier gespendet."
                    ),
                ],
            ],
        },
        "en": {
            "title": "Mühlbach-Süd street festival",
            "intro": (
                "Once a year, Brückenstraße turns into a festival mile: associations, institutions "
                "and neighbourhood groups invite you to enjoy music, food from around the world "
                "and hands-on activities."
            ),
            "place_name": "Brückenstraße between Lindenplatz and Auenweg",
            "address": "Brückenstraße, 99999 Auenstadt",
            "organiser": (
                "Mühlbach-Süd neighbourhood office together with more than 30 local organisations"
            ),
            "registration_note": (
                "No registration is needed to visit. The deadline for registering a stall is four "
                "weeks before the festival."
            ),
            "accessibility_notes": (
                "The street is level and closed to traffic. An accessible toilet is available on "
                "Lindenplatz. There is a reserved area for wheelchair users in front of the stage."
            ),
            "body": [
                [
                    "paragraph",
                    (
                        "Groups from the neighbourhood perform on the stage on Lindenplatz, from "
                        "the youth club's dance group to the primary school choir. The stalls "
                        "offer dishes from many countries as well as coffee and cake."
                    ),
                ],
                [
                    "paragraph",
                    (
                        "For children there is a bouncy castle, face painting and a goal wall run "
                        "by TSV Mühlbach. At its stall, the neighbourhood office provides "
                        "information on current projects and the neighbourhood fund."
                    ),
                ],
                [
                    "paragraph",
                    "The raffle will be drawn at 6 pm. The prizes were donated by local shops.",
                ],
            ],
        },
    },
]

# Projects across different fields of action.
PROJECTS = [
    {
        "slug": "spielplatz-pappelallee",
        "status": "running",
        "start": "2026-03-01",
        "end": "2027-09-30",
        "fields": [
            "soziale-infrastruktur-kinder-jugend",
            "oeffentlicher-raum-sicherheit",
            "beteiligung-integration",
        ],
        "de": {
            "title": "Neuer Spielplatz an der Pappelallee",
            "intro": (
                "Der in die Jahre gekommene Spielplatz an der Pappelallee wird zu einem Spiel- und "
                "Bewegungsort für alle Generationen umgebaut. Kinder und Eltern aus dem Quartier "
                "planen von Anfang an mit."
            ),
            "goals": [
                (
                    "Im westlichen Teil des Quartiers fehlen laut Sozialraumanalyse Spiel- und "
                    "Bewegungsflächen. Der rund 2.400 Quadratmeter große Spielplatz an der "
                    "Pappelallee soll diese Lücke schließen und Kindern unterschiedlichen Alters "
                    "attraktive Angebote machen."
                ),
                (
                    "Der neue Platz wird barrierefrei gestaltet, mit inklusiven Spielgeräten, "
                    "schattigen Sitzbereichen und gut beleuchteten Wegen. So wird er auch für "
                    "Eltern, Großeltern und ältere Nachbarinnen und Nachbarn zu einem Treffpunkt."
                ),
                (
                    "Kinder und Jugendliche werden in allen Phasen beteiligt: bei der "
                    "Ideensammlung, bei der Bewertung des Entwurfs und bei einer gemeinsamen "
                    "Pflanzaktion zur Eröffnung."
                ),
            ],
            "partners": (
                "Grünflächenamt der Stadt Auenstadt, Grundschule Am Mühlbach, Jugendtreff "
                "Mühlbach, Familienzentrum am Lindenplatz, Wohnbau Auenstadt und ein beauftragtes "
                "Landschaftsarchitekturbüro"
            ),
            "funding_programme": (
                "Sozialer Zusammenhalt (Städtebauförderung von Bund, Land und Stadt Auenstadt)"
            ),
            "results": [
                (
                    "In zwei Planungswerkstätten haben rund 60 Kinder Modelle gebaut und ihre "
                    "Wünsche festgehalten. Ganz oben standen eine Kletterlandschaft, eine "
                    "Wasserspielstelle und Plätze im Schatten."
                ),
                (
                    "Der Entwurf wurde im Sommer öffentlich vorgestellt und nach Hinweisen von "
                    "Eltern um eine Sitzecke für Jugendliche ergänzt. Die Bauarbeiten sind "
                    "ausgeschrieben und sollen im Frühjahr beginnen."
                ),
            ],
        },
        "en": {
            "title": "New playground on Pappelallee",
            "intro": (
                "The ageing playground on Pappelallee is being redesigned as a place for play and "
                "exercise for all generations. Children and parents from the neighbourhood have "
                "been involved in the planning from the start."
            ),
            "goals": [
                (
                    "According to the social area analysis, the western part of the neighbourhood "
                    "lacks space for play and exercise. The playground on Pappelallee, which "
                    "covers around 2,400 square metres, is to close this gap and offer attractive "
                    "facilities for children of different ages."
                ),
                (
                    "The new playground will be accessible, with inclusive play equipment, shaded "
                    "seating areas and well-lit paths. This will also make it a meeting place for "
                    "parents, grandparents and older neighbours."
                ),
                (
                    "Children and young people are involved at every stage: collecting ideas, "
                    "assessing the design and a joint planting campaign at the opening."
                ),
            ],
            "partners": (
                "Parks Department of the town of Auenstadt, Am Mühlbach Primary School, Mühlbach "
                "Youth Club, Lindenplatz Family Centre, Wohnbau Auenstadt and a commissioned "
                "landscape architecture firm"
            ),
            "funding_programme": (
                "Social Cohesion (urban development funding from the federal government, the state "
                "and the town of Auenstadt)"
            ),
            "results": [
                (
                    "In two planning workshops, around 60 children built models and recorded their "
                    "wishes. Top of the list were a climbing landscape, a water play area and "
                    "shady spots."
                ),
                (
                    "The design was presented to the public in the summer and, following "
                    "suggestions from parents, a seating area for young people was added. The "
                    "construction work has been put out to tender and is due to start in the "
                    "spring."
                ),
            ],
        },
    },
    {
        "slug": "jobwerkstatt-muehlbach",
        "status": "running",
        "start": "2023-01-01",
        "end": "2026-12-31",
        "fields": ["beschaeftigung-ausbildung-lokale-oekonomie", "beteiligung-integration"],
        "de": {
            "title": "Jobwerkstatt Mühlbach-Süd",
            "intro": (
                "Die Jobwerkstatt begleitet langzeitarbeitslose Erwachsene und junge Menschen ohne "
                "Ausbildungsplatz auf dem Weg in Arbeit. Gleichzeitig unterstützt sie kleine "
                "Betriebe im Quartier bei der Suche nach Personal."
            ),
            "goals": [
                (
                    "Bewohnerinnen und Bewohner werden wohnortnah und persönlich beraten: von der "
                    "Klärung der eigenen Stärken über die Bewerbungsunterlagen bis zur Begleitung "
                    "in den ersten Monaten im neuen Job."
                ),
                (
                    "Zugewanderte erhalten gemeinsam mit Brückenschlag e. V. Unterstützung bei der "
                    "Anerkennung ausländischer Abschlüsse und beim berufsbezogenen Deutschlernen."
                ),
                (
                    "Geschäfte und Handwerksbetriebe im Quartier werden als Ausbildungs- und "
                    "Arbeitgeber gestärkt, unter anderem über den Gewerbestammtisch und die "
                    "jährliche Ausbildungsbörse."
                ),
            ],
            "partners": (
                "Brückenschlag e. V., Jugendtreff Mühlbach, Jobcenter und Agentur für Arbeit "
                "Auenstadt, Gewerbestammtisch Mühlbach-Süd, Stadtteilbüro Mühlbach-Süd"
            ),
            "funding_programme": (
                "BIWAQ – Bildung, Wirtschaft, Arbeit im Quartier (ESF Plus und Bundesmittel)"
            ),
            "results": [
                (
                    "Seit Projektbeginn haben über 230 Menschen die Beratung genutzt. Rund 70 von "
                    "ihnen haben eine sozialversicherungspflichtige Arbeit oder eine Ausbildung "
                    "aufgenommen."
                ),
                (
                    "Die Ausbildungsbörse im Jugendtreff hat sich mit 18 beteiligten Betrieben "
                    "etabliert und soll jedes Jahr stattfinden."
                ),
                (
                    "Für die Zeit nach dem Ende der Förderung prüfen die Partner, wie die Beratung "
                    "gemeinsam mit dem Jobcenter fortgeführt werden kann."
                ),
            ],
        },
        "en": {
            "title": "Mühlbach-Süd Job Workshop",
            "intro": (
                "The Job Workshop supports long-term unemployed adults and young people without a "
                "training place on their way into work. At the same time, it helps small "
                "businesses in the neighbourhood to find staff."
            ),
            "goals": [
                (
                    "Residents receive personal advice close to home: from identifying their own "
                    "strengths and preparing application documents to support during their first "
                    "months in a new job."
                ),
                (
                    "Together with Brückenschlag e. V., newcomers receive help with the "
                    "recognition of foreign qualifications and with learning German for work."
                ),
                (
                    "Shops and craft businesses in the neighbourhood are strengthened as training "
                    "providers and employers, for example through the local business round table "
                    "and the annual apprenticeship fair."
                ),
            ],
            "partners": (
                "Brückenschlag e. V., Mühlbach Youth Club, Auenstadt Job Centre and Employment "
                "Agency, Mühlbach-Süd business round table, Mühlbach-Süd neighbourhood office"
            ),
            "funding_programme": (
                "BIWAQ – Education, Economy, Work in the Neighbourhood (ESF Plus and federal funds)"
            ),
            "results": [
                (
                    "Since the project began, more than 230 people have used the advice service. "
                    "Around 70 of them have taken up employment with social insurance or started "
                    "vocational training."
                ),
                (
                    "The apprenticeship fair at the youth club has become an established event "
                    "with 18 participating businesses and is to take place every year."
                ),
                (
                    "The partners are looking into how the advice service can be continued "
                    "together with the Job Centre after the funding ends."
                ),
            ],
        },
    },
    {
        "slug": "gruene-innenhoefe-erlenring",
        "status": "completed",
        "start": "2024-04-01",
        "end": "2025-10-31",
        "fields": ["wohnen-wohnumfeld", "beteiligung-integration", "oeffentlicher-raum-sicherheit"],
        "de": {
            "title": "Grüne Innenhöfe am Erlenring",
            "intro": (
                "Gemeinsam mit den Mieterinnen und Mietern hat die Wohnbau Auenstadt drei "
                "Innenhöfe am Erlenring umgestaltet. Aus kahlen Rasenflächen und Mülltonnenplätzen "
                "wurden grüne Treffpunkte für die Hausgemeinschaften."
            ),
            "goals": [
                (
                    "Die Höfe sollten wieder zum Verweilen einladen: mit Sitzplätzen, "
                    "Spielmöglichkeiten für kleine Kinder und Beeten, die die Bewohnerinnen und "
                    "Bewohner selbst pflegen."
                ),
                (
                    "Neue Bäume, entsiegelte Flächen und die Versickerung von Regenwasser sollten "
                    "die Höfe im Sommer kühler machen und das Kleinklima verbessern."
                ),
                (
                    "Die Mieterschaft sollte an Planung und Pflege beteiligt werden, um die "
                    "Nachbarschaft zu stärken und Vandalismus vorzubeugen."
                ),
            ],
            "partners": (
                "Wohnbau Auenstadt, Mieterinitiative Erlenring, Stadtteilbüro Mühlbach-Süd, "
                "Umweltamt der Stadt Auenstadt"
            ),
            "funding_programme": (
                "Sozialer Zusammenhalt (Städtebauförderung) und Eigenmittel der Wohnbau Auenstadt"
            ),
            "results": [
                (
                    "Rund 1.100 Quadratmeter wurden entsiegelt, 14 Bäume gepflanzt und 22 "
                    "Hochbeete angelegt. Die Mülltonnenplätze wurden eingehaust und an die "
                    "Hofeingänge verlegt."
                ),
                (
                    "Drei Hofgemeinschaften mit zusammen rund 40 Mitgliedern kümmern sich um die "
                    "Beete. Die Hoffeste zur Eröffnung besuchten mehrere hundert Nachbarinnen und "
                    "Nachbarn."
                ),
                "Die Erfahrungen fließen in die Planung weiterer Höfe in der Pappelallee ein.",
            ],
        },
        "en": {
            "title": "Green courtyards on Erlenring",
            "intro": (
                "Together with its tenants, Wohnbau Auenstadt has redesigned three courtyards on "
                "Erlenring. Bare lawns and bin areas have become green meeting places for the "
                "residents of the buildings."
            ),
            "goals": [
                (
                    "The courtyards were to become inviting places again, with seating, play "
                    "facilities for small children and beds looked after by the residents "
                    "themselves."
                ),
                (
                    "New trees, unsealed surfaces and rainwater infiltration were to make the "
                    "courtyards cooler in summer and improve the local climate."
                ),
                (
                    "Tenants were to be involved in planning and maintenance in order to "
                    "strengthen the neighbourhood and prevent vandalism."
                ),
            ],
            "partners": (
                "Wohnbau Auenstadt, Erlenring Tenants' Initiative, Mühlbach-Süd neighbourhood "
                "office, Environment Department of the town of Auenstadt"
            ),
            "funding_programme": (
                "Social Cohesion (urban development funding) and Wohnbau Auenstadt's own funds"
            ),
            "results": [
                (
                    "Around 1,100 square metres were unsealed, 14 trees planted and 22 raised beds "
                    "created. The bin areas were enclosed and moved to the courtyard entrances."
                ),
                (
                    "Three courtyard groups with around 40 members in total look after the beds. "
                    "Several hundred neighbours came to the courtyard parties at the opening."
                ),
                (
                    "The experience gained is feeding into the planning of further courtyards on "
                    "Pappelallee."
                ),
            ],
        },
    },
    {
        "slug": "stadtteiltreff-brueckenstrasse",
        "status": "planned",
        "start": "2027-04-01",
        "end": None,
        "fields": [
            "koordination-vernetzung",
            "soziale-lebenslagen-gesundheit",
            "beteiligung-integration",
        ],
        "de": {
            "title": "Stadtteiltreff im ehemaligen Ladenlokal Brückenstraße",
            "intro": (
                "In einem leer stehenden Ladenlokal an der Brückenstraße soll ein offener "
                "Stadtteiltreff entstehen. Er bietet Gruppen, Beratung und Begegnung Platz, die "
                "bisher keine eigenen Räume haben."
            ),
            "goals": [
                (
                    "Viele Initiativen im Quartier, etwa die Redaktion der Stadtteilzeitung, "
                    "Selbsthilfegruppen oder die Gesundheitslotsinnen und -lotsen, suchen Räume "
                    "für ihre Treffen. Der Stadtteiltreff soll diese Räume barrierefrei und zu "
                    "günstigen Bedingungen anbieten."
                ),
                (
                    "Ein Nachbarschaftscafé mit ehrenamtlichem Team soll den Treff zu einer "
                    "niedrigschwelligen Anlaufstelle machen, besonders für ältere und "
                    "alleinlebende Menschen."
                ),
                (
                    "Langfristig soll ein Trägerverein aus dem Quartier den Treff betreiben, damit "
                    "er auch nach dem Ende der Förderung bestehen bleibt."
                ),
            ],
            "partners": (
                "Wohnbau Auenstadt als Eigentümerin des Ladenlokals, Stadtteilbüro Mühlbach-Süd, "
                "Familienzentrum am Lindenplatz, Brückenschlag e. V., Seniorenbeirat der Stadt "
                "Auenstadt"
            ),
            "funding_programme": (
                "Sozialer Zusammenhalt (Umbau) und Stiftung Auenstädter Bürgersinn (Ausstattung, "
                "beantragt)"
            ),
            "results": [
                (
                    "Eine Machbarkeitsstudie hat gezeigt, dass das Ladenlokal mit überschaubarem "
                    "Aufwand barrierefrei umgebaut werden kann. Die Wohnbau Auenstadt hat eine "
                    "langfristige Vermietung zu einer ermäßigten Miete zugesagt."
                ),
                (
                    "In einer offenen Ideenwerkstatt haben rund 50 Bewohnerinnen und Bewohner "
                    "Vorschläge für Angebote und Öffnungszeiten gesammelt. Über den Förderantrag "
                    "wird voraussichtlich im Frühjahr entschieden."
                ),
            ],
        },
        "en": {
            "title": "Community meeting place in the former shop on Brückenstraße",
            "intro": (
                "An open community meeting place is to be created in an empty shop on "
                "Brückenstraße. It will offer space for groups, advice services and social "
                "gatherings that have no rooms of their own so far."
            ),
            "goals": [
                (
                    "Many initiatives in the neighbourhood, such as the editorial team of the "
                    "neighbourhood newspaper, self-help groups and the health guides, are looking "
                    "for rooms for their meetings. The meeting place is to offer these rooms, "
                    "accessible and on affordable terms."
                ),
                (
                    "A neighbourhood café run by a team of volunteers is to make the meeting place "
                    "an easy first point of contact, especially for older people and people living "
                    "alone."
                ),
                (
                    "In the long term, a local association is to run the meeting place so that it "
                    "continues after the funding ends."
                ),
            ],
            "partners": (
                "Wohnbau Auenstadt as owner of the shop, Mühlbach-Süd neighbourhood office, "
                "Lindenplatz Family Centre, Brückenschlag e. V., Senior Citizens' Advisory Council "
                "of the town of Auenstadt"
            ),
            "funding_programme": (
                "Social Cohesion (conversion) and the Auenstadt Civic Spirit Foundation "
                "(furnishings, applied for)"
            ),
            "results": [
                (
                    "A feasibility study has shown that the shop can be converted to be accessible "
                    "at reasonable cost. Wohnbau Auenstadt has agreed to a long-term lease at a "
                    "reduced rent."
                ),
                (
                    "At an open ideas workshop, around 50 residents collected suggestions for "
                    "activities and opening hours. A decision on the funding application is "
                    "expected in the spring."
                ),
            ],
        },
    },
]
