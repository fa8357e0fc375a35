"""Marker lines: lines that say what they are, in words a page uses for nothing else.

An ad label names an ad slot ("Advertisement", "- Anzeige -", "Реклама", "[광고]", "โฆษณา" ...), and a
call to action alone on its line is an ad's button ("Sign up now", "Jetzt Konto eröffnen",
"สมัครเลย" ...): both are promo. A head before a colon names what the rest of its line is: a link to
another story ("Read also: ...", "Lees ook: ...", "Читайте также: ...", "อ่านเพิ่มเติม: ..."), a tag
list ("Tags: ...", "Schlagwörter: ..."), a date or reading time ("Updated: ...", "Lesezeit: ..."),
share buttons ("Share: ...", "Folgen Sie uns: ...") or a photo credit ("Photo: Reuters", "Foto:
..."), all boilerplate (LABELS.md), as is a caption that ends in its credit ("... in Barishal.
Photo: Pavel Rahman"), a credit alone on its line ("Reuters", "Jamal Saidi/Reuters"), a line that is
only a date ("March 22, 2017", "22.03.2017 | 09:41 UTC") and one that only says how long ago ("3
hours ago", "vor 2 Stunden"), a slideshow's counter ("3 of 12"), a line of no letter or digit (a separator "* * *"),
or a byline ("By: ...", "Door: ...", "Автор: ...", or without a colon
"By Dana Whitlock", "Door Jan de Vries"), bio. Between two story
paragraphs the context stage pulls such a line towards the story, and the model knows the words only
in the languages its training data has. ``marker_rows`` names the label each line says it has, and
``pipeline.decide`` removes a marked line, unless that label is kept, once the labels outside keep
have ``marker_confidence`` of its probability (0 by default; never a line that the model's first stage
reads as story, when story protection is on), and
labels it so where the model alone would have kept it. A
marker line goes alone: it starts no run, because on real pages the line after an ad label is story
about half the time (the ad was an image). README, "The thresholds", has the measured effect.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

MARKER_CONFIDENCE_DEFAULT = 0.0
AD_LABEL_MAX_CHARS = 50  # the longest ad label or call to action is 38 characters
CAPTION_MAX_CHARS = 400  # a caption is a sentence or two before its credit
HEAD_MAX_CHARS = 30  # the longest head is 17 characters before its colon
BYLINE_MAX_CHARS = 60  # after "By:" a name or two, not a sentence
# What may stand around a label or a head: "- Advertisement -", "(Anzeige)", "[광고]", "Sponsored ↓", "► Lees ook",
# "👉 Sign up now".
_FRAME = (" \t\u00a0\u200b-\u2013\u2014\u2022\u00b7|*_:;.,!?()[]{}<>\u00ab\u00bb\u203a\"'#~=+/\\"
          "\u2193\u2192\u25bc\u25b6\u25ba\u27a1\u279c\u2714\u2705\ufe0f\u3010\u3011\U0001f447\U0001f449")

# Per language; matched against the whole line without its frame, case folded, spaces collapsed.
_AD_LABELS = (
    # English
    "advertisement", "advertisements", "advert", "advertorial", "ad", "ads", "sponsored", "sponsored by",
    "sponsored content", "sponsored post", "sponsored article", "sponsored story", "sponsored links",
    "paid content", "paid post", "partner content", "promoted content", "story continues below advertisement",
    "article continues below advertisement", "advertisement - continue reading below",
    "advertisement - scroll to continue",
    # German, Dutch, French, Spanish, Portuguese, Italian
    "anzeige", "werbung", "gesponsert", "gesponserter inhalt", "advertentie", "gesponsord", "gesponsorde inhoud",
    "publicité", "sponsorisé", "contenu sponsorisé", "contenu partenaire", "publicidad", "patrocinado",
    "contenido patrocinado", "anuncio", "publicidade", "conteúdo patrocinado", "anúncio", "pubblicità",
    "sponsorizzato", "contenuto sponsorizzato",
    # Polish, Czech, Slovak, Nordic, Finnish, Romanian, Hungarian, Greek, Turkish
    "reklama", "sponsorowany", "artykuł sponsorowany", "materiał sponsorowany", "materiał partnera", "komerční sdělení",
    "annons", "sponsrat innehåll", "annonce", "annonse", "reklame", "sponsoreret", "mainos",
    "kaupallinen yhteistyö", "publicitate", "hirdetés", "reklám", "διαφήμιση", "reklam", "sponsorlu",
    "sponsorlu içerik",
    "sponsorlu İçerik",
    # Russian, Ukrainian
    "реклама", "на правах рекламы", "партнерский материал", "партнёрский материал", "на правах реклами",
    # Japanese, Chinese, Korean
    "広告", "pr", "スポンサー", "スポンサーリンク", "广告", "廣告", "赞助内容", "贊助內容", "推广", "광고", "스폰서",
    # Vietnamese, Indonesian, Thai, Hindi, Arabic, Persian, Hebrew
    "quảng cáo", "được tài trợ", "nội dung tài trợ", "iklan", "bersponsor", "konten bersponsor", "โฆษณา",
    "ได้รับการสนับสนุน", "विज्ञापन", "प्रायोजित", "إعلان", "إعلانات", "محتوى مدعوم", "برعاية", "تبلیغات", "آگهی",
    "رپورتاژ آگهی", "פרסומת", "ממומן", "תוכן ממומן",
)
# Calls to action that stand alone on their line, an ad's button (LABELS.md: promo), matched like ad labels.
_CALLS_TO_ACTION = (
    # English ("Buy now" is left out: product reviews on the benchmark pages keep it as story)
    "sign up", "sign up now", "sign up today", "sign up for free", "register now", "join now", "join today",
    "shop now", "order now", "download now", "download the app", "get the app", "install now", "try it free",
    "try for free", "try it now", "start free trial", "start trading", "start trading now", "trade now",
    "invest now", "open an account", "open account", "open a free account", "open your account",
    "create account", "create an account", "create free account", "get started", "get started now",
    "claim bonus", "claim your bonus", "claim now", "learn more", "visit site", "visit website",
    "subscribe now", "join the presale", "buy tokens", "try now", "book now", "get tickets", "buy tickets",
    "get a quote", "request information", "request a demo", "book a demo",
    # German, Dutch, French, Spanish, Portuguese, Italian
    "jetzt registrieren", "jetzt anmelden", "jetzt kaufen", "jetzt herunterladen", "jetzt handeln",
    "jetzt investieren", "konto eröffnen", "jetzt konto eröffnen", "kostenlos testen", "jetzt starten",
    "mehr erfahren", "jetzt mehr erfahren", "zum angebot", "registreer nu", "nu registreren", "meld je aan",
    "meld je nu aan", "koop nu", "download de app", "open een rekening", "rekening openen",
    "begin met handelen", "start met handelen", "probeer gratis", "meer informatie", "nu beginnen", "start nu",
    "bekijk aanbieding", "inscrivez-vous", "s'inscrire", "inscription gratuite", "acheter maintenant",
    "télécharger l'application", "ouvrir un compte", "ouvrir mon compte", "commencer à trader", "essai gratuit",
    "essayer gratuitement", "en savoir plus", "profitez-en", "regístrate", "regístrate ahora",
    "regístrate gratis", "compra ahora", "comprar ahora", "descarga la app", "descargar la app",
    "abre tu cuenta", "abrir cuenta", "empieza a invertir", "empezar a operar", "pruébalo gratis",
    "más información", "saber más", "cadastre-se", "cadastre-se grátis", "compre agora", "baixe o app",
    "baixar o app", "abra sua conta", "abrir conta", "comece a investir", "experimente grátis", "saiba mais",
    "registrati", "registrati ora", "iscriviti", "compra ora", "scarica l'app", "apri un conto", "apri il conto",
    "inizia a fare trading", "prova gratis", "scopri di più",
    # Polish, Turkish, Russian, Ukrainian
    "zarejestruj się", "kup teraz", "pobierz aplikację", "otwórz konto", "otwórz rachunek",
    "zacznij inwestować", "wypróbuj za darmo", "dowiedz się więcej", "hemen kaydol", "kaydol", "üye ol",
    "hemen al", "uygulamayı indir", "hesap aç", "hemen hesap aç", "yatırıma başla", "ücretsiz dene",
    "daha fazla bilgi", "зарегистрироваться", "зарегистрируйтесь", "купить сейчас", "скачать приложение",
    "открыть счёт", "открыть счет", "начать торговлю", "попробовать бесплатно", "подробнее", "узнать больше",
    "зареєструватися", "завантажити застосунок", "відкрити рахунок", "почати торгівлю",
    "спробувати безкоштовно", "детальніше",
    # Japanese, Chinese, Korean
    "今すぐ登録", "無料登録", "口座開設", "無料で口座開設", "アプリをダウンロード", "今すぐ購入", "詳しくはこちら",
    "今すぐ始める", "立即注册", "免费注册", "立即下载", "下载app", "立即开户", "免费开户", "立即购买", "了解更多",
    "立即交易", "지금 가입하기", "가입하기", "회원가입", "앱 다운로드", "계좌 개설", "계좌 개설하기", "지금 시작하기",
    "자세히 보기", "무료 체험",
    # Vietnamese, Indonesian, Thai, Hindi, Arabic, Persian, Hebrew
    "đăng ký ngay", "đăng ký", "tải ứng dụng", "tải app ngay", "mở tài khoản", "mở tài khoản ngay",
    "mở tài khoản miễn phí", "dùng thử ngay", "dùng thử miễn phí", "giao dịch ngay", "tìm hiểu thêm",
    "daftar sekarang", "unduh aplikasi", "buka akun", "buka rekening", "mulai trading", "coba gratis",
    "pelajari lebih lanjut", "สมัครเลย", "สมัครตอนนี้", "ดาวน์โหลดแอป", "ดาวน์โหลดแอปเลย", "เปิดบัญชี",
    "เปิดบัญชีเลย", "ทดลองใช้ฟรี", "เริ่มเทรด", "ดูรายละเอียด", "अभी डाउनलोड करें", "डाउनलोड करें",
    "अभी साइन अप करें", "खाता खोलें", "मुफ्त खाता खोलें", "अभी निवेश करें", "अभी शुरू करें", "और जानें",
    "سجل الآن", "سجّل الآن", "حمّل التطبيق", "افتح حسابك", "افتح حساباً", "ابدأ التداول", "ابدأ الآن",
    "جرّب مجاناً", "اعرف المزيد", "ثبت‌نام", "همین حالا ثبت‌نام کنید", "دانلود اپلیکیشن", "افتتاح حساب",
    "شروع معامله", "הירשמו עכשיו", "הורידו את האפליקציה", "פתחו חשבון", "התחילו לסחור",
)
# Heads, matched against what stands before a line's first colon; the line must go on after it.
_LINK_HEADS = (
    "read also", "also read", "read more", "read more about", "see also", "related", "related article",
    "related articles", "related story", "related stories", "lees ook", "lees meer", "lesen sie auch",
    "auch interessant", "mehr zum thema", "lire aussi", "à lire aussi", "a lire aussi", "lee también",
    "lea también", "leia também", "leia mais", "veja também", "leggi anche", "czytaj też", "czytaj także",
    "zobacz też", "zobacz także", "čtěte také", "läs också", "läs även", "les også", "læs også", "lue myös",
    "citește și", "διαβάστε επίσης", "ayrıca okuyun", "ayrıca oku", "читайте также", "читайте також",
    "関連記事", "あわせて読みたい", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀", "관련기사", "관련 기사",
    "xem thêm", "đọc thêm", "baca juga", "อ่านเพิ่มเติม", "อ่านต่อ", "यह भी पढ़ें", "ये भी पढ़ें",
    "इसे भी पढ़ें", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "بیشتر بخوانید", "קראו גם", "קרא גם",
    "see more",
    # an encyclopedia's pointer to the article on a section's subject ("Main article: Rust (programming language)")
    "main article", "main articles", "further information", "hauptartikel", "hoofdartikel", "article détaillé",
    "articles détaillés", "artículo principal", "artigo principal", "voce principale", "osobny artykuł",
    "основная статья", "основна стаття",
)
_TAG_HEADS = (
    "tags", "tag", "tagged", "tagged with", "topics", "keywords", "schlagwörter", "schlagworte", "stichwörter",
    "themen", "trefwoorden", "onderwerpen", "étiquettes", "mots-clés", "mots clés", "sujets", "etiquetas", "temas",
    "palabras clave", "tópicos", "palavras-chave", "argomenti", "parole chiave", "tagi", "tematy",
    "słowa kluczowe", "štítky", "taggar", "etiketler", "anahtar kelimeler", "теги", "метки", "ключевые слова",
    "теґи", "タグ", "キーワード", "标签", "標籤", "关键词", "태그", "키워드", "thẻ", "từ khóa", "แท็ก", "คำค้น",
    "टैग", "टैग्स", "الوسوم", "الكلمات المفتاحية", "برچسب‌ها", "תגיות",
)
_DATE_HEADS = (  # dates and reading times
    "reading time", "lesezeit", "leestijd", "temps de lecture", "tiempo de lectura", "tempo de leitura",
    "tempo di lettura", "czas czytania", "время чтения", "okuma süresi", "published", "updated", "last updated",
    "posted", "posted on", "veröffentlicht", "aktualisiert",
    "gepubliceerd", "bijgewerkt", "laatst bijgewerkt", "publié", "publié le", "mis à jour", "publicado",
    "actualizado", "atualizado", "pubblicato", "aggiornato", "opublikowano", "aktualizacja", "zveřejněno",
    "publicerad", "uppdaterad", "yayınlanma", "güncelleme", "опубликовано", "обновлено", "опубліковано",
    "оновлено", "公開日", "更新日", "投稿日", "发布时间", "更新时间", "發佈時間", "게시", "입력", "수정", "đăng",
    "cập nhật", "diterbitkan", "diperbarui", "เผยแพร่", "อัปเดต", "प्रकाशित", "अपडेटेड", "نشر في", "تاريخ النشر",
    "تم التحديث", "منتشر شده", "פורסם", "עודכן",
)
_SHARE_HEADS = (
    "share", "share this", "share this article", "share on", "follow us", "teilen", "folgen sie uns", "delen",
    "volg ons", "partager", "suivez-nous", "compartir", "síguenos", "compartilhar", "siga-nos", "condividi",
    "seguici", "udostępnij", "obserwuj nas", "поделиться", "подписывайтесь", "paylaş", "bizi takip edin",
    "シェア", "分享", "关注我们", "공유", "chia sẻ", "bagikan", "ikuti kami", "แชร์", "शेयर करें", "شارك", "تابعونا",
)
# Photo-credit words, read by both credit rules: as a head ("Foto: dpa") and at the end of a caption.
_CREDIT_WORDS = (
    "photo", "photos", "image", "images", "picture", "credit", "crédit", "crédit photo", "foto", "fotos",
    "fotografie", "bild", "bildquelle", "beeld", "zdjęcie", "görsel", "kuva", "фото", "사진", "ảnh", "ภาพ", "फोटो",
    "الصورة", "写真", "图片", "圖片",
)
# Photo credits as a head: the rest of the line holds no colon ("image: postgres:16" in a how-to is code).
_CREDIT_HEADS = _CREDIT_WORDS + (
    "photo credit", "image credit", "créditos", "imagen", "immagine", "fotoğraf", "изображение", "画像", "รูป",
    "تصوير", "عکس", "צילום",
)
# Bylines: at most BYLINE_MAX_CHARS after the colon.
_BYLINE_HEADS = (
    "by", "written by", "author", "authors", "door", "auteur", "von", "autor", "autorin", "par", "por", "di",
    "autore", "autorka", "av", "yazar", "yazan", "автор", "著者", "作者", "文", "기자", "tác giả", "penulis",
    "ผู้เขียน", "लेखक", "بقلم", "الكاتب", "كتب", "كتبت", "نویسنده", "מאת", "כתב",
)


# A byline without a colon: "By Dana Whitlock", "BY MIRIAM HOLTZ and PETER VANCE, Continental Press", "Door
# Jan de Vries", "Por Laura Méndez". The word "by" in the line's languages, then at least two capitalised
# words (name particles such as "de" or "van" between them), then nothing, or after a comma, bar, dash or
# "and" a rest that ends no sentence. Not "By Monday, the deal was done." nor "By The Numbers".
_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december")
_BYLINE_WORDS = ("By", "BY", "by", "Von", "VON", "Door", "DOOR", "Por", "POR", "Par", "PAR", "Di", "DI")
_BYLINE_INITIALS = frozenset(word[0] for word in _BYLINE_WORDS)  # a quick test before the pattern
_NOT_NAMES = ("The", "This", "That", "These", "Those", "Then", "Now",
              *(name.capitalize() for name in _ENGLISH_WEEKDAYS + _ENGLISH_MONTHS))
_NAME = r"[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-Я][\w'’.-]*"
_NAME_PARTICLES = ("van", "von", "de", "da", "del", "der", "den", "la", "le", "di", "dos", "y")
BYLINE = re.compile(
    rf"(?:{'|'.join(_BYLINE_WORDS)})\s+(?!(?:{'|'.join(_NOT_NAMES)})\b)"
    rf"{_NAME}(?:\s+(?:{_NAME}|{'|'.join(_NAME_PARTICLES)}))*?\s+{_NAME}"
    r"(?:\s*(?:,|\||·|•|/|–|-|—|\band\b|\bund\b|\ben\b|\by\b|\bet\b|\be\b)\s*[^.!?]*"
    rf"|\s+(?:\d|(?:{'|'.join(name.capitalize() for name in _ENGLISH_MONTHS)})\b)[^.!?]*)?")


# A line that is only a date, perhaps with its time: "March 22, 2017", "22 maart 2017", "Mon, 28 Oct 2019
# 14:05", "2017-03-22", "22.03.2017 | 09:41 UTC", "July 23, 2012, 7:28 p.m. ET", "2017年3月22日". A story holds
# dates inside sentences; a date alone on its line is the page's (a publication date, a comment's stamp).
DATE_LINE_MAX_CHARS = 50
_MONTHS = (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",  # English
    *_ENGLISH_MONTHS,
    "januar", "jänner", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",  # German
    "januari", "februari", "maart", "mei", "augustus",  # Dutch (the rest as above)
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",  # French
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
    "octubre", "noviembre", "diciembre",  # Spanish
    "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",  # Italian
    "maj", "augusti",  # Swedish (the rest as above)
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
    "października", "listopada", "grudnia",  # Polish, as a date names them
    "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
    "listopadu", "prosince",  # Czech, as a date names them
    "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
    "aralık",  # Turkish
    "maret", "agustus", "desember",  # Indonesian (the rest as above)
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
    "ноября", "декабря",  # Russian, as a date names them
    "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
    "листопада", "грудня",  # Ukrainian, as a date names them
    "ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου",
    "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου",  # Greek, as a date names them
    "ianuarie", "februarie", "martie", "aprilie", "iunie", "iulie", "septembrie", "octombrie", "noiembrie",
    "decembrie",  # Romanian (the rest as above)
    "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember",
    "október",  # Hungarian (the rest as above)
    "जनवरी", "फ़रवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "सितम्बर",
    "अक्टूबर", "अक्तूबर", "नवंबर", "नवम्बर", "दिसंबर", "दिसम्बर",  # Hindi
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس", "سبتمبر",
    "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
    "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",  # Arabic, both sets of names
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
    "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
    "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",  # Thai, in full and short
)
_WEEKDAYS = (
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", *_ENGLISH_WEEKDAYS,
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",  # German
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",  # Dutch
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",  # French
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",  # Spanish
    "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",  # Portuguese
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",  # Italian
    "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật",  # Vietnamese
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",  # Arabic
)
_WEEKDAY = "(?:" + "|".join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True)) + ")"
_MONTH = "(?:" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20|25)\d{2}"  # 25..: the Thai (Buddhist) years, 2567 for 2024
_TIME = (r"(?:,?\s*(?:at|um|à|a las|às|alle|om|lúc|-|–|\||·)?\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?)?"
         r"(?:\s*(?:uhr|utc|gmt|cet|cest|et|est|edt|pt|pst|pdt|bst|ist|msk|น\.))?)")
DATE_LINE = re.compile(
    rf"(?:{_WEEKDAY}\.?[,،]?\s+)?(?:"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"  # March 22, 2017
    # 22 March 2017, 22 de marzo de 2017, 22 марта 2017 г.
    rf"|\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{_MONTH}(?:,|\s+de)?\s+{_YEAR}(?:\s?г\.?|\s?р\.?)?"
    rf"|{_YEAR}\.\s+{_MONTH}\s+\d{{1,2}}\.?"  # Hungarian: 2017. március 22.
    rf"|(?:ngày\s+)?\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s+năm|,)?\s+{_YEAR}"  # Vietnamese: ngày 22 tháng 3 năm 2017
    rf"|{_YEAR}-\d{{2}}-\d{{2}}|\d{{1,2}}([./])\d{{1,2}}\1{_YEAR}|\d{{1,2}}/\d{{1,2}}/\d{{2}}"  # 2017-03-22, 22.03.2017
    rf"|{_YEAR}\s?年\s?\d{{1,2}}\s?月\s?\d{{1,2}}\s?日|{_YEAR}년\s?\d{{1,2}}월\s?\d{{1,2}}일"  # 2017年3月22日
    rf"){_TIME}?",
    re.IGNORECASE)


# A line that only says how long ago the page or a comment was posted, perhaps after "Updated" or "Posted":
# "3 hours ago", "Updated 2h ago", "vor 2 Stunden", "il y a 1 jour", "hace 2 días", "2 giờ trước",
# "3 ชั่วโมงที่แล้ว", "منذ ساعتين", "2時間前", "3시간 전". LABELS.md: dates.
RELATIVE_TIME_MAX_CHARS = 40
_COUNT = r"(?:\d{1,3}|an?|one|een|ein|eine|einer|einem|une?|una?|um|uma|un|одн[уа]|один)"
_POSTED = ("updated", "posted", "published", "aktualisiert", "veröffentlicht", "bijgewerkt", "gepubliceerd",
           "publié", "mis à jour", "actualizado", "publicado", "atualizado", "aggiornato", "pubblicato")
RELATIVE_TIME = re.compile(rf"(?:(?:{'|'.join(_POSTED)})\s*:?\s+)?(?:" + "|".join([
    rf"(?:about\s+)?{_COUNT}\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago",  # en
    r"\d{1,3}\s?(?:s|m|h|d|w|mo|y|mins?|hrs?)\s+ago",  # en, short: "2h ago"
    rf"vor\s+{_COUNT}\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)",  # de
    rf"{_COUNT}\s+(?:seconden?|minuut|minuten|uur|dag(?:en)?|weken?|maand(?:en)?|jaar)\s+geleden",  # nl
    rf"il\s+y\s+a\s+{_COUNT}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)",  # fr
    rf"hace\s+{_COUNT}\s+(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)",  # es
    rf"há\s+{_COUNT}\s+(?:segundos?|minutos?|horas?|dias?|semanas?|m[eê]s(?:es)?|anos?)",  # pt
    rf"{_COUNT}\s+(?:secondi|minuti|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa",  # it
    rf"{_COUNT}\s+(?:секунд|минут|час|дн|день|недел|месяц|год|лет)\w*\s+назад",  # ru
    rf"{_COUNT}\s+(?:секунд|хвилин|годин|дн|день|тижн|місяц|рік|рок)\w*\s+тому",  # uk
    r"\d{1,3}\s+(?:sekund|minut|godzin|dni|dzień|tygodni|miesi[eę]c|lat)\w*\s+temu",  # pl
    r"\d{1,3}\s+(?:saniye|dakika|saat|gün|hafta|ay|yıl)\s+önce",  # tr
    r"\d{1,3}\s+(?:detik|menit|jam|hari|minggu|bulan|tahun)\s+(?:yang\s+)?lalu",  # id
    r"\d{1,3}\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước",  # vi
    r"\d{1,3}\s*(?:วินาที|นาที|ชั่วโมง|วัน|สัปดาห์|เดือน|ปี)\s*(?:ที่แล้ว|ก่อน)",  # th
    r"\d{1,3}\s+(?:सेकंड|मिनट|घंटे|घंटा|दिन|हफ्ते|सप्ताह|महीने|महीना|साल)\s+पहले",  # hi
    r"منذ\s+(?:\d{1,3}\s+)?(?:ثانية|ثوان|دقيقة|دقائق|ساعة|ساعات|ساعتين|يوم|أيام|يومين"
    r"|أسبوع|أسابيع|شهر|أشهر|سنة|سنوات)",  # ar
    r"\d{1,3}\s*(?:秒|分|時間|日|週間|か月|ヶ月|年)前",  # ja
    r"\d{1,3}\s*(?:秒|分钟|小时|天|周|个月|年)前",  # zh
    r"\d{1,3}\s*(?:초|분|시간|일|주|개월|년)\s*전",  # ko
]) + ")", re.IGNORECASE)
# How such a line ends or starts, in lower case: a quick test before the pattern
_RELATIVE_ENDS = ("ago", "geleden", "fa", "назад", "тому", "temu", "önce", "lalu", "trước", "ที่แล้ว", "ก่อน", "पहले",
                  "前", "전")
_RELATIVE_STARTS = ("vor", "il", "hace", "há", "منذ", *_POSTED)
_HAS_DIGIT = re.compile(r"\d").search
# A line without a letter or a digit: a separator ("* * *", "———"), a bullet or an arrow alone, a zero-width
# joiner. Not rating stars ("★★★★☆"), which a review's text may hold, nor brackets alone ("}", ");"): the
# end of a code listing in a how-to.
_STARS = frozenset("★☆⭐")
_CODE_PUNCTUATION = frozenset("(){}[];, \t")
# A slideshow's counter: "3 of 12", "Image 3 of 12", "Photo 3/12" (not "23/16" alone: a score or a temperature).
GALLERY_COUNTER = re.compile(r"(?:(?:image|photo|picture|slide|bild|foto)\s+)\d{1,3}\s*(?:of|/|von|van|de|di|из)\s*"
                             r"\d{1,3}|\d{1,3}\s+(?:of|von|van|di|из)\s+\d{1,3}", re.IGNORECASE)
GALLERY_COUNTER_MAX_CHARS = 24


# A caption that ends in its photo credit: "... clears a road in Barishal. Photo: Pavel Rahman", "... (Foto:
# dpa)", "... (사진=공동취재단)". The credit word follows the line's start, a sentence's end, a bracket, a bar or a
# spaced dash (not "Cost per Credit: ..."), and the credit after it is short, with no sentence or colon in it.
_CREDIT_TAIL_WORDS = _CREDIT_WORDS + ("pic", "quelle", "صورة")
CREDIT_TAIL = re.compile(
    r"(?:^|[.!?…。]\s*|[(\[（|]\s*|\s[-–—]\s)[(\[（]?\s*(?:" + "|".join(map(re.escape, _CREDIT_TAIL_WORDS)) +
    r")\s*[:=：]\s*(?:[^.!?:()\[\]（）]|\.(?=\s*[A-Z/]))"  # a dot only before a capital: "J. Marchand", "Dok. Ant"
    r"{1,60}[)\]）]?\s*$", re.IGNORECASE)
# A caption whose credit needs no colon: in brackets at its end, names and an agency between slashes ("...
# London, Sunday, Aug. 5, 2012. (AP Photo/Matt Slocum)", "(Thomas Coex/AFP/Getty Images)") or a picture
# library alone ("(Getty Images)"); or "Photo by ..." after a sentence ("... on the trail. Photo by Ana Ruiz on
# Unsplash", "Image by John Goreham"). Not "(Reuters)" or "(AP)" alone: a story's paragraph may end so.
BRACKET_TAIL = re.compile(r"[(\[]\s*([^()\[\]]{2,60}?)\s*[)\]]\s*$")
_PICTURE_LIBRARIES = frozenset((
    "ap photo", "afp photo", "reuters photo", "ap file photo", "file photo", "getty images", "shutterstock",
    "istock", "istockphoto", "alamy", "imago", "imago images", "picture alliance", "picture-alliance", "unsplash",
    "pexels", "pixabay", "handout", "handout photo",
    # a picture's kind in brackets: "(file photo)", "(Archivfoto)", "(symbolic image)" ...
    "archive photo", "photo illustration", "illustration", "illustrative image", "stock photo", "symbolic image",
    "archivfoto", "archivbild", "symbolbild", "symbolfoto", "archieffoto", "archiefbeeld", "photo d'archive",
    "photo d’archive", "image d'illustration", "image d’illustration", "foto de archivo", "imagen de archivo",
    "foto de arquivo", "imagem ilustrativa", "foto d'archivio", "foto d’archivio", "zdjęcie ilustracyjne",
    "архивное фото", "фото из архива", "архівне фото", "arşiv fotoğrafı", "資料写真", "资料图", "資料照", "자료사진",
    "ảnh minh họa", "ảnh tư liệu", "foto ilustrasi", "foto: ilustrasi", "ภาพประกอบ", "फाइल फोटो", "प्रतीकात्मक तस्वीर",
    "صورة أرشيفية", "صورة تعبيرية",
))
_CREDIT_BY_WORDS = ("photo", "photos", "photograph", "image", "picture", "foto", "fotos", "bild")
# A news photo's caption says where each person stands: "Washington Capitals owner Ted Leonsis, right, joins ..."
# (a full name, then its place between commas; not "Oh, right, the plant" or "he swerved left, right").
CAPTION_PLACE = re.compile(r"[A-Z][\w'’.-]* [A-Z][\w'’.-]*, (?:(?:far |second from |top |bottom )?(?:left|right)|"
                           r"cent(?:er|re)|top|bottom), ")
CREDIT_BY_TAIL = re.compile(
    r"(?:^|[.!?…]\s+|[(\[|]\s*|\s[-–—]\s)(?:" + "|".join(_CREDIT_BY_WORDS) +
    r")\s+(?:by|courtesy of|courtesy|von|par|door)\s+[^.!?:()\[\]]{2,60}[)\]]?\s*$", re.IGNORECASE)
_CREDIT_SEPARATOR = re.compile("[:=\uff1a]")
_CREDIT_SEPARATOR_CHARS = 64  # the separator stands within a line's last 64 characters (a credit is at most 60)
_CREDIT_TAIL_CHARS = 90  # a credit, its word and what stands before it fit in a line's last 90 characters


_LINE_FRAME = " \t\u00a0\u200b-\u2013\u2014\u2022\u00b7|*_()[]"  # what may stand around a date or a credit line
# A counter alone on its line, its number before or after its word: "247 totale weergaven", "2.4K views", "Lượt
# xem: 2.418", "Переглядів: 2 156", "12 comments" (LABELS.md: view, share and comment counters).
_COUNTED = (
    "views", "view", "reads", "shares", "likes", "comments", "total views", "aufrufe", "mal gelesen", "weergaven",
    "totale weergaven", "keer bekeken", "vues", "lectures", "visualizaciones", "visitas", "lecturas",
    "visualizações", "leituras", "visualizzazioni", "letture", "wyświetleń", "wyświetlenia", "odsłon", "zobrazení",
    "visningar", "просмотров", "просмотра", "просмотр", "переглядів", "перегляди", "görüntülenme", "okunma",
    "lượt xem", "kali dilihat", "dilihat", "tayangan", "ครั้ง", "การดู", "बार देखा गया", "व्यूज", "مشاهدة", "مشاهدات",
    "次浏览", "次阅读", "阅读", "浏览", "回閲覧", "閲覧", "조회", "조회수",
)
_COUNT_WORDS = "|".join(sorted(map(re.escape, _COUNTED), key=len, reverse=True))
_COUNTER_NUMBER = r"\d[\d.,\s\u00a0]*\s*[kKmM]?\+?"
COUNTER_LINE = re.compile(rf"{_COUNTER_NUMBER}\s*(?:{_COUNT_WORDS})|(?:{_COUNT_WORDS})\s*[:：]?\s*{_COUNTER_NUMBER}",
                          re.IGNORECASE)
COUNTER_LINE_MAX_CHARS = 40

# A photo credit alone on its line: a news or photo agency ("Reuters", "(AP)", "Getty Images"), or
# names and an agency between slashes ("Jamal Saidi/Reuters", "AFP/Getty Images", "REUTERS/Dado Ruvic",
# "RJ Sangosti/Denver Post/AP Photo"), each name a few capitalised words (not "AP/NORC poll shows ...").
# The wire agencies' names alone make a credit line; the picture libraries' only beside a name.
CREDIT_LINE_MAX_CHARS = 60
_AGENCIES_ALONE = frozenset((
    "reuters", "ap", "associated press", "the associated press", "afp", "getty", "getty images", "epa", "dpa",
    "anp", "efe", "ansa", "xinhua", "shutterstock", "istock", "alamy", "imago", "picture alliance",
))
_AGENCIES = _AGENCIES_ALONE | frozenset((
    "ap photo", "ap images", "gettyimages", "epa-efe", "belga", "keystone", "tass", "kyodo", "yonhap", "istockphoto",
    "imago images", "picture-alliance", "sopa images", "lightrocket", "nurphoto", "bloomberg", "corbis", "wireimage",
    "filmmagic", "pa", "pa images", "pa wire", "pa media", "press association", "unsplash", "pexels", "pixabay",
    "flickr", "wikimedia commons", "handout",
))
_NAME_PARTICLES = frozenset(("de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "dos", "del", "bin", "al"))


def _normal(text: str) -> str:
    """``text`` without its frame, case folded, its spaces collapsed."""
    return " ".join(text.strip(_FRAME).casefold().split())


def _squeezed(key: str) -> str:
    """``key`` with each run of white space as one space, as in the sets of ``_normal`` keys; most keys hold
    none to squeeze, and looking for the runs first is faster than splitting every key."""
    return " ".join(key.split()) if "  " in key or "\t" in key or "\u00a0" in key else key


def line_key(text: str) -> str:
    """A line as the sets of ``_normal`` keys hold it: without its frame, case folded, its runs of white
    space as one space (``related`` looks its headings up the same way)."""
    return _squeezed(text.strip(_FRAME).casefold())


AD_LABELS = frozenset(map(_normal, _AD_LABELS + _CALLS_TO_ACTION))
# A page's controls alone on their line: a picture's or a video's, a list's, a share or print button
# (whole lines only; not "Top", "Up next" or "Continue reading the main story", which some pages' gold
# keeps as story). Boilerplate.
INTERFACE_LINES = frozenset(map(_normal, (
    "hide caption", "toggle caption", "enlarge this image", "enlarge image", "enlarge", "click to enlarge",
    "view gallery", "view full gallery", "play video", "watch video", "watch now", "video duration",
    "view comments", "show more", "load more", "loading", "loading...", "back to the top", "link",
    "share", "print", "email", "photos", "photo gallery", "gallery", "video", "videos",
    # back to the top of the page, and a reader comment's buttons
    "back to top", "jump to top", "jump back to top", "return to top", "scroll to top", "top of page", "go to top",
    "nach oben", "zurück nach oben", "terug naar boven", "haut de page", "volver arriba", "torna su",
    "reply", "reply to this comment", "report abuse", "report comment", "report this comment",
    "flag as inappropriate", "antworten", "reageer", "répondre", "responder", "rispondi", "ответить",
)))
# The heading of an author box alone on its line ("About the author", "Über den Autor", "Về tác giả" ...):
# bio. Not "Author" alone, which some gold keeps as a table's heading.
AUTHOR_HEADINGS = frozenset(map(_normal, (
    "about the author", "about the authors", "author bio", "über den autor", "über die autorin", "zum autor",
    "zur autorin", "over de auteur", "over de auteurs", "à propos de l'auteur", "à propos de l’auteur",
    "sobre el autor", "sobre la autora", "sobre o autor", "sobre a autora", "sull'autore", "sull’autore",
    "o autorze", "o autorovi", "despre autor", "yazar hakkında", "om författaren", "об авторе", "про автора",
    "σχετικά με τον συγγραφέα", "著者について", "著者プロフィール", "关于作者", "作者简介", "기자 소개", "필자 소개",
    "về tác giả", "tentang penulis", "लेखक के बारे में", "เกี่ยวกับผู้เขียน", "عن الكاتب", "نبذة عن الكاتب",
    "درباره نویسنده", "על הכותב",
)))
# head -> the label it names
HEADS = {**{_normal(head): "boilerplate"
            for head in _LINK_HEADS + _TAG_HEADS + _DATE_HEADS + _SHARE_HEADS + _CREDIT_HEADS},
         **{_normal(head): "bio" for head in _BYLINE_HEADS}}
CREDIT_HEADS = frozenset(map(_normal, _CREDIT_HEADS))


# A share or print button's text with a screen reader's note that the link opens a window ("Click to share
# on X (Opens in new window)", "Click to email a link to a friend (Opens in new window)"), and a news
# site's furniture before a picture's caption or credit ("Image caption Rescuers at the scene", "Image
# copyright Getty Images"): boilerplate.
NEW_WINDOW_MAX_CHARS = 100
_NEW_WINDOW_ENDS = ("(opens in new window)", "(opens in a new window)", "(opens in new tab)", "(opens in a new tab)",
                    "(öffnet in neuem fenster)", "(wird in neuem fenster geöffnet)", "(opent in nieuw venster)",
                    "(ouvre dans une nouvelle fenêtre)", "(se abre en una ventana nueva)", "(abre em nova janela)",
                    "(si apre in una nuova finestra)")
_PICTURE_FURNITURE = ("image caption ", "image copyright ", "media caption ")


def is_furniture_line(text: str) -> bool:
    """Whether ``text`` is a button's text that opens a new window, or a picture's caption or credit after its lead."""
    if text[:1] in "iImM":  # every lead starts with "image" or "media"
        opening = text[:16].lower()  # the leads are ASCII, at most 16 characters
        for lead in _PICTURE_FURNITURE:
            if opening.startswith(lead):
                return bool(text[len(lead):].strip())  # the lead alone is no caption
    return text.endswith(")") and len(text) <= NEW_WINDOW_MAX_CHARS and text.lower().endswith(_NEW_WINDOW_ENDS)


def is_credit_line(text: str) -> bool:
    """Whether ``text`` is a photo credit alone on its line ("Reuters", "Jamal Saidi/Reuters" ...)."""
    if "/" not in text:  # most lines: a set lookup
        return _squeezed(text.strip(_LINE_FRAME).casefold()) in _AGENCIES_ALONE
    parts = [" ".join(part.split()) for part in text.strip(_LINE_FRAME).split("/")]
    folded = [part.casefold() for part in parts]
    return any(name in _AGENCIES for name in folded) and all(
        name in _AGENCIES or 0 < len(part.split()) <= 5
        and all(word[0].isupper() or word in _NAME_PARTICLES for word in part.split())
        for part, name in zip(parts, folded))


def marker_kind(text: str) -> str:
    """The label ``text`` names itself by: "promo" for an ad label or a call to action ("Advertisement",
    "[광고]", "Sign up now" ...), "boilerplate" for a link lead-in, tag list, date, share or photo credit
    line ("Read also: ...", "Tags: ...", "Updated: ...", "Share: ...", "Foto: ...") or a caption that
    ends in its credit ("... in Barishal. Photo: Pavel Rahman"), a credit alone ("Jamal Saidi/Reuters"), a
    line that is only a date ("March 22, 2017") or a time ago ("3 hours ago"), a page's control alone
    ("Hide caption", "View gallery", "Back to top", "Reply"), a slideshow's counter ("Image 3 of 12") or a line
    of no letter or digit ("* * *"), "bio" for a byline ("By: ...", "Door: ...", "By Dana
    Whitlock") or an author box's heading ("About the author"), else ""."""
    if len(text) <= AD_LABEL_MAX_CHARS:
        key = line_key(text)
        if key in AD_LABELS:
            return "promo"
        if key in INTERFACE_LINES:
            return "boilerplate"
        if key in AUTHOR_HEADINGS:
            return "bio"
        if not any(map(str.isalnum, text)) and text.strip() and not _STARS.intersection(text) \
                and not _CODE_PUNCTUATION.issuperset(text):
            return "boilerplate"
        if len(key) <= GALLERY_COUNTER_MAX_CHARS and _HAS_DIGIT(key) and GALLERY_COUNTER.fullmatch(key):
            return "boilerplate"
        short_key = key  # for the credit below: a line this short is a credit only as a whole
    else:
        short_key = None
    colon = text.find(":", 0, HEAD_MAX_CHARS + 1)
    if colon < 0:
        colon = text.find("\uff1a", 0, HEAD_MAX_CHARS + 1)  # the full-width colon of Chinese and Japanese
    if colon > 0:
        head = _normal(text[:colon])
        label = HEADS.get(head, "")
        rest = text[colon + 1:].strip(_FRAME)
        if label and rest and not (head in CREDIT_HEADS and ":" in rest) \
                and not (label == "bio" and len(rest) > BYLINE_MAX_CHARS):
            return label
    if len(text) <= BYLINE_MAX_CHARS and text[:1] in _BYLINE_INITIALS and BYLINE.fullmatch(text.strip()):
        return "bio"
    if (short_key in _AGENCIES_ALONE if short_key is not None and "/" not in text
            else len(text) <= CREDIT_LINE_MAX_CHARS and is_credit_line(text)) or is_furniture_line(text):
        return "boilerplate"
    if len(text) <= DATE_LINE_MAX_CHARS:
        key = text.strip(_LINE_FRAME)
        if _HAS_DIGIT(key) and (DATE_LINE.fullmatch(key)  # every date and counter holds a digit: most short lines none
                                or len(key) <= COUNTER_LINE_MAX_CHARS and COUNTER_LINE.fullmatch(key)):
            return "boilerplate"
        if len(key) <= RELATIVE_TIME_MAX_CHARS:
            lower = key.lower()
            if (lower.endswith(_RELATIVE_ENDS) or lower.startswith(_RELATIVE_STARTS)) and RELATIVE_TIME.fullmatch(key):
                return "boilerplate"
    if len(text) <= CAPTION_MAX_CHARS:
        # the patterns read the tail only; a cut tail starts with a letter, so that its cut is no line start
        start = max(0, len(text) - _CREDIT_TAIL_CHARS)
        tail = "x" + text[start:] if start else text
        if _CREDIT_SEPARATOR.search(text, max(0, len(text) - _CREDIT_SEPARATOR_CHARS)) and CREDIT_TAIL.search(tail):
            return "boilerplate"
        if text.rstrip().endswith((")", "]")) and _is_bracketed_credit(text):
            return "boilerplate"
        lower = tail.lower()  # a quick test before the pattern
        if (" by " in lower or "courtesy" in lower or " von " in lower or " par " in lower or " door " in lower) \
                and CREDIT_BY_TAIL.search(tail):
            return "boilerplate"
        if (", left" in text or ", right" in text or ", cent" in text or ", far " in text or ", second " in text
                or ", top" in text or ", bottom" in text) and CAPTION_PLACE.search(text):
            return "boilerplate"
    return ""


def _is_bracketed_credit(text: str) -> bool:
    """Whether ``text`` is a caption that ends in its credit in brackets ("... (AP Photo/Matt Slocum)")."""
    match = BRACKET_TAIL.search(text)
    if not match or not text[:match.start()].strip():  # a credit alone on its line is is_credit_line's
        return False
    credit = match.group(1)
    if "/" in credit:
        return is_credit_line(credit)
    return _squeezed(credit.casefold()) in _PICTURE_LIBRARIES


def marker_rows(texts: Sequence[str]) -> np.ndarray:
    """Per row of ``texts``, the label it names itself by (``marker_kind``), "" for most."""
    return np.array([marker_kind(text) for text in texts], dtype=object)
