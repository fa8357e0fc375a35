"""Dates, times and counters alone on their line: a date ("March 22, 2017", "22.03.2017 | 09:41 UTC"), how
long ago ("3 hours ago", "vor 2 Stunden"), a slideshow's counter ("3 of 12") and a view, share or comment
counter ("2.4K views"), per language."""

from __future__ import annotations

import re

# English weekday and month names: in the dates below, and never a name in a byline (marker_heads.BYLINE).
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december")


# A line that is only a date, perhaps with its time: "March 22, 2017", "22 maart 2017", "Mon, 28 Oct 2019
# 14:05", "2017-03-22", "22.03.2017 | 09:41 UTC", "July 23, 2012, 7:28 p.m. ET", "2017年3月22日". A story holds
# dates inside sentences; a date alone on its line is the page's (a publication date, a comment's stamp).
DATE_LINE_MAX_CHARS = 50
_MONTHS = (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",  # English
    *ENGLISH_MONTHS,
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
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", *ENGLISH_WEEKDAYS,
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
# A line that only says how long the story takes to read: "4 min read", "7 Min. Lesezeit", "5 phút đọc", "قراءة
# في 4 دقائق", "زمان مطالعه: ۴ دقیقه". LABELS.md: reading-time lines.
READING_TIME_MAX_CHARS = 40
_MINUTES = (r"(?:min|mins|minute|minutes|minuten|minutos|minuti|minut|минут[аы]?|мин|хвилин[аи]?|хв|phút|menit"
            r"|นาที|मिनट|دقائق|دقيقة|دقیقه|分|분)\.?")
READING_TIME = re.compile(
    rf"\d{{1,2}}\s*[-–]?\s*{_MINUTES}\s*(?:read|reading|reading time|lesezeit|leestijd|de lecture|de lectura"
    r"|de leitura|di lettura|czytania|чтения|читання|đọc|baca|อ่าน|में पढ़ें|पढ़ें|قراءة|مطالعه|で読めます|阅读)"
    rf"|(?:قراءة في|زمان مطالعه|เวลาอ่าน|lesezeit|leestijd|okuma süresi|tiempo de lectura|reading time)\s*:?\s*"
    rf"\d{{1,2}}\s*{_MINUTES}?", re.IGNORECASE)
# How such a line ends or starts, in lower case: a quick test before the pattern
RELATIVE_ENDS = ("ago", "geleden", "fa", "назад", "тому", "temu", "önce", "lalu", "trước", "ที่แล้ว", "ก่อน", "पहले",
                 "前", "전")
RELATIVE_STARTS = ("vor", "il", "hace", "há", "منذ", *_POSTED)
HAS_DIGIT = re.compile(r"\d").search
# A slideshow's counter: "3 of 12", "Image 3 of 12", "Photo 3/12", "1 de 6", "Фото 1 из 7" (not "23/16" alone: a
# score or a temperature).
GALLERY_COUNTER = re.compile(r"(?:(?:image|photo|picture|slide|bild|foto|фото|imagen|immagine|zdjęcie|gallery:?)\s+)"
                             r"\d{1,3}\s*(?:of|/|von|van|de|di|sur|z|из)\s*\d{1,3}"
                             r"|\d{1,3}\s+(?:of|von|van|di|de|sur|z|из)\s+\d{1,3}", re.IGNORECASE)
GALLERY_COUNTER_MAX_CHARS = 24


# A counter alone on its line, its number before or after its word: "247 totale weergaven", "2.4K views", "Lượt
# xem: 2.418", "Переглядів: 2 156", "12 comments", "3 टिप्पणियां" (LABELS.md: view, share and comment counters).
_COUNTED = (
    "views", "view", "reads", "shares", "likes", "comments", "total views", "aufrufe", "mal gelesen", "weergaven",
    "totale weergaven", "keer bekeken", "vues", "lectures", "visualizaciones", "visitas", "lecturas",
    "visualizações", "leituras", "visualizzazioni", "letture", "wyświetleń", "wyświetlenia", "odsłon", "zobrazení",
    "visningar", "просмотров", "просмотра", "просмотр", "переглядів", "перегляди", "görüntülenme", "okunma",
    "lượt xem", "kali dilihat", "dilihat", "tayangan", "ครั้ง", "การดู", "बार देखा गया", "व्यूज", "مشاهدة", "مشاهدات",
    "次浏览", "次阅读", "阅读", "浏览", "回閲覧", "閲覧", "조회", "조회수",
    # comments
    "comment", "kommentare", "kommentar", "reacties", "reactie", "commentaires", "commentaire", "comentarios",
    "comentario", "comentários", "comentário", "commenti", "commento", "komentarzy", "komentarze", "komentáře",
    "kommentarer", "yorum", "комментариев", "комментария", "комментарий", "коментарів", "коментарі", "коментар",
    "bình luận", "komentar", "ความคิดเห็น", "टिप्पणियां", "टिप्पणियाँ", "टिप्पणी", "कमेंट", "تعليق", "تعليقات",
    "دیدگاه", "תגובות", "コメント", "评论", "条评论", "條評論", "댓글",
)
_COUNT_WORDS = "|".join(sorted(map(re.escape, _COUNTED), key=len, reverse=True))
_COUNTER_NUMBER = r"\d[\d.,\s\u00a0]*\s*[kKmM]?\+?"
COUNTER_LINE = re.compile(rf"{_COUNTER_NUMBER}\s*(?:{_COUNT_WORDS})|(?:{_COUNT_WORDS})\s*[:：]?\s*{_COUNTER_NUMBER}",
                          re.IGNORECASE)
COUNTER_LINE_MAX_CHARS = 40
