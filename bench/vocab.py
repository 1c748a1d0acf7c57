"""Vocabulary and templates for the synthetic archive, written for the benchmark (no corpus text copied).

Outlet names are real media so that the outlet registry and the mapper do their real work on them; everything
else (people, places, claims) is invented from syllables and slot-filled templates.
"""

from __future__ import annotations

# (name, kind, language, domain): a mix of wire agencies, international and Indonesian media, and invented
# regional outlets the registry will not know (so the unresolved path is exercised too).
OUTLETS = [
    ("Reuters", "agency", "en", "reuters.com"),
    ("AFP", "agency", "en", "afp.com"),
    ("Associated Press", "agency", "en", "apnews.com"),
    ("Anadolu Agency", "agency", "en", "aa.com.tr"),
    ("Xinhua", "agency", "en", "xinhuanet.com"),
    ("Kyodo", "agency", "en", "kyodonews.net"),
    ("Yonhap", "agency", "en", "yna.co.kr"),
    ("Bloomberg", "outlet", "en", "bloomberg.com"),
    ("CNN", "broadcaster", "en", "cnn.com"),
    ("BBC", "broadcaster", "en", "bbc.com"),
    ("Al Jazeera", "broadcaster", "en", "aljazeera.com"),
    ("The Guardian", "outlet", "en", "theguardian.com"),
    ("The New York Times", "outlet", "en", "nytimes.com"),
    ("The Washington Post", "outlet", "en", "washingtonpost.com"),
    ("Axios", "outlet", "en", "axios.com"),
    ("Politico", "outlet", "en", "politico.com"),
    ("The Jakarta Post", "outlet", "en", "thejakartapost.com"),
    ("Jakarta Globe", "outlet", "en", "jakartaglobe.id"),
    ("South China Morning Post", "outlet", "en", "scmp.com"),
    ("The Straits Times", "outlet", "en", "straitstimes.com"),
    ("Nikkei Asia", "outlet", "en", "asia.nikkei.com"),
    ("Channel NewsAsia", "broadcaster", "en", "channelnewsasia.com"),
    ("Borneo Ledger", "outlet", "en", "borneoledger.example"),
    ("Archipelago Wire", "outlet", "en", "archipelagowire.example"),
    ("Antara", "agency", "id", "antaranews.com"),
    ("Kompas", "outlet", "id", "kompas.com"),
    ("Tempo", "outlet", "id", "tempo.co"),
    ("Detik", "outlet", "id", "detik.com"),
    ("CNN Indonesia", "broadcaster", "id", "cnnindonesia.com"),
    ("CNBC Indonesia", "broadcaster", "id", "cnbcindonesia.com"),
    ("IDN Times", "outlet", "id", "idntimes.com"),
    ("Republika", "outlet", "id", "republika.co.id"),
    ("Liputan6", "outlet", "id", "liputan6.com"),
    ("Okezone", "outlet", "id", "okezone.com"),
    ("Tribunnews", "outlet", "id", "tribunnews.com"),
    ("Suara", "outlet", "id", "suara.com"),
    ("Kumparan", "outlet", "id", "kumparan.com"),
    ("Media Indonesia", "outlet", "id", "mediaindonesia.com"),
    ("Bisnis Indonesia", "outlet", "id", "bisnis.com"),
    ("Kontan", "outlet", "id", "kontan.co.id"),
    ("Katadata", "outlet", "id", "katadata.co.id"),
    ("Merdeka", "outlet", "id", "merdeka.com"),
    ("Sindonews", "outlet", "id", "sindonews.com"),
    ("VOA Indonesia", "broadcaster", "id", "voaindonesia.com"),
    ("BBC News Indonesia", "broadcaster", "id", "bbc.com/indonesia"),
    ("Pantau", "outlet", "id", "pantau.com"),
    ("Warta Sulawesi", "outlet", "id", "wartasulawesi.example"),
    ("Kabar Nusa Tenggara", "outlet", "id", "kabarnt.example"),
    ("Suluh Borneo", "outlet", "id", "suluhborneo.example"),
    ("Harian Selat", "outlet", "id", "harianselat.example"),
]

SYLLABLES = "ka ra ma sa ta na ja wa di ri ba la ga pu lo se no to ha mi ku bu da ya ne".split()
FIRST = "Andi Budi Citra Dewi Eko Fajar Gita Hendra Indah Joko Kartika Lukman Maya Nadia Oki Putri Rizal Sari Teguh Umar Vina Wahyu Yudi Zahra Daniel Emily Grace Henry Laura Michael Olivia Peter Rachel Samuel Thomas".split()
LAST = "Santoso Wijaya Hidayat Saputra Lestari Nugroho Pratama Kurniawan Siregar Harahap Tanjung Wibowo Halim Sutanto Rahman Carter Walsh Bennett Foster Hughes Morgan Price Reid Turner".split()

ROLES_ID = ["Menteri {d}", "Kepala Dinas {d}", "juru bicara Kementerian {d}", "Gubernur {p}", "Bupati {p}", "Direktur Utama PT {p} Energi", "anggota Komisi {n} DPR", "pengamat ekonomi Universitas {p}"]
ROLES_EN = ["{d} Minister", "the head of the {d} agency", "a spokesperson for the {d} ministry", "the governor of {p}", "the chief executive of {p} Holdings", "an economist at the University of {p}"]
DOMAINS_ID = ["Keuangan", "Perhubungan", "Kesehatan", "Pertanian", "Energi dan Sumber Daya Mineral", "Luar Negeri", "Pendidikan", "Perdagangan", "Kelautan"]
DOMAINS_EN = ["Finance", "Transport", "Health", "Agriculture", "Energy", "Foreign Affairs", "Education", "Trade", "Fisheries"]

TOPIC_ID = ["proyek bendungan", "pelabuhan baru", "program vaksinasi", "harga beras", "jalur kereta cepat", "tambang nikel", "banjir bandang", "subsidi pupuk", "kebakaran hutan", "pemilihan kepala daerah"]
TOPIC_EN = ["dam project", "new port", "vaccination drive", "rice prices", "high-speed rail line", "nickel mine", "flash floods", "fertiliser subsidy", "forest fires", "regional election"]

CLAIM_ID = [
    "{topic} {place} akan rampung pada {year} dengan anggaran Rp{num} triliun",
    "sebanyak {num}.{num2}00 warga {place} terdampak {topic} sejak awal bulan",
    "pemerintah menyiapkan dana darurat Rp{num} miliar untuk {topic} {place}",
    "nilai ekspor dari {place} naik {num} persen setelah {topic} beroperasi",
    "audit menemukan kerugian negara sekitar Rp{num} miliar dalam {topic} {place}",
    "tahap kedua {topic} {place} ditunda hingga {year} karena kendala lahan",
    "{num} perusahaan asing telah mengajukan minat untuk {topic} {place}",
]
CLAIM_EN = [
    "the {topic} in {place} will be finished by {year} at a cost of ${num} billion",
    "about {num},{num2}00 residents of {place} have been affected by the {topic} since the start of the month",
    "the government has set aside ${num} million in emergency funds for the {topic} in {place}",
    "exports from {place} rose {num} percent after the {topic} opened",
    "an audit found losses of roughly ${num} million linked to the {topic} in {place}",
    "the second phase of the {topic} in {place} has been delayed until {year} over land disputes",
    "{num} foreign companies have expressed interest in the {topic} in {place}",
]

# Attribution templates. {s}: speaker with role, {n}: speaker's short name, {o}: origin outlet, {i}: intermediate.
QUOTE_ID = [
    '"{c}," ujar {n}, dilansir {o}, {day}.',
    "{s} mengatakan {c}, seperti dikutip dari {o}.",
    '"{c}," kata {s} kepada {o}.',
    "Dilaporkan {o}, {s} menyebut {c}.",
    "Menurut {s}, {c}.",
]
QUOTE_EN = [
    '"{c}," {n} told {o} on {day}.',
    "{s} said {c}, according to {o}.",
    '"{c}," {s} said in an interview with {o}.',
    "{o} reported that {s} said {c}.",
    "According to {s}, {c}.",
]
RELAY_ID = [
    "Menurut laporan {i} yang mengutip {o}, {c}.",
    "{i}, mengutip {o}, melaporkan bahwa {c}.",
    "Seperti diberitakan {i} berdasarkan laporan {o}, {c}.",
]
RELAY_EN = [
    "{i}, citing {o}, reported that {c}.",
    "According to a report by {i} that cited {o}, {c}.",
    "{i} reported, quoting {o}, that {c}.",
]
ANON_ID = [
    "Seorang pejabat yang tidak mau disebut namanya mengatakan kepada {o} bahwa {c}.",
    "Sumber diplomatik yang enggan disebutkan identitasnya menyebut {c}, dilansir {o}.",
]
ANON_EN = [
    "A senior official who spoke on condition of anonymity told {o} that {c}.",
    "A source familiar with the matter said {c}, {o} reported.",
]
FILLER_ID = [
    "Warga {place} sudah lama menunggu kejelasan soal {topic} tersebut.",
    "Sejumlah pihak menilai rencana itu perlu dikaji ulang secara menyeluruh.",
    "Rapat koordinasi lanjutan dijadwalkan berlangsung pekan depan di {place}.",
    "Hingga berita ini diturunkan, pihak terkait belum memberikan tanggapan resmi.",
    "Persoalan {topic} di {place} telah menjadi sorotan sejak {year}.",
    "Pemerintah daerah {place} menyatakan akan mengikuti arahan pemerintah pusat.",
    "Di lapangan, aktivitas warga berjalan seperti biasa meski cuaca kurang bersahabat.",
    "Para pelaku usaha berharap kebijakan tersebut tidak berubah dalam waktu dekat.",
    "Data terbaru menunjukkan tren yang sama dengan tahun sebelumnya.",
]
FILLER_EN = [
    "Residents of {place} have waited years for clarity on the {topic}.",
    "Critics say the plan needs a thorough review before it goes ahead.",
    "A follow-up coordination meeting is scheduled for next week in {place}.",
    "Officials did not immediately respond to a request for comment.",
    "The {topic} in {place} has drawn scrutiny since {year}.",
    "Local authorities in {place} said they would follow the central government's lead.",
    "On the ground, daily life continued largely as normal despite the weather.",
    "Business groups hope the policy will not change again any time soon.",
    "The latest figures show a trend similar to the previous year.",
]
DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Boilerplate lines, as scraped text carries them (share bars, ads, read-also links, credits, footers).
BOILER_TOP_ID = ["Iklan - Scroll untuk Melanjutkan", "Bagikan: Facebook Twitter WhatsApp Telegram", "ADVERTISEMENT", "Dengarkan artikel ini", "Ukuran teks: A A A"]
BOILER_TOP_EN = ["ADVERTISEMENT", "Share this article: Facebook X LinkedIn Email", "Listen to this article", "Sign up for our newsletter", "Skip to main content"]
BOILER_MID_ID = ["Baca Juga: {h}", "Baca juga: {h}", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Simak berita lainnya di Google News"]
BOILER_MID_EN = ["Read more: {h}", "Related: {h}", "ADVERTISEMENT", "Continue reading below", "Story continues below advertisement"]
BOILER_END_ID = ["Editor: {p}", "Penulis: {p}", "Reporter: {p}", "Copyright © {year} {outlet}. All rights reserved.", "Tag: {tags}", "Ikuti {outlet} di Instagram dan TikTok"]
BOILER_END_EN = ["Editing by {p}", "Reporting by {p}; writing by {p2}", "© {year} {outlet}. All rights reserved.", "Topics: {tags}", "Follow {outlet} on X and Facebook"]
