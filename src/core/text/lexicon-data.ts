/**
 * A small English–Indonesian lexicon for news about politics, diplomacy, security and the economy.
 * Each line is one concept: English words, a bar, Indonesian words. Words are stemmed when loaded,
 * so list base forms ("meet", "temu"); inflections ("meetings", "bertemu", "pertemuan") follow.
 */
export const LEXICON = `
meet meeting met talks | temu pertemuan bertemu
talk talks discuss discussion negotiate negotiation | bicara pembicaraan runding perundingan negosiasi bahas
say said state statement stated mention | kata mengatakan nyata pernyataan sebut ujar
add added | tambah menambahkan
announce announcement | umum mengumumkan
spokesperson spokesman spokeswoman | juru bicara jubir
foreign | luar negeri asing
minister | menteri
ministry | kementerian
foreign minister | menlu menteri luar negeri
defense defence | pertahanan tahan
defense minister | menhan
president | presiden
presidential | presiden
election vote voting | pemilu pilih pemilihan suara pemungutan
candidate | calon kandidat
government | pemerintah pemerintahan
official officials | pejabat
senior | senior tinggi
leader leaders | pemimpin pimpin
head | kepala
country countries nation state | negara bangsa
world global | dunia global
international | internasional
regional region | regional kawasan wilayah
security | keamanan aman
peace | damai perdamaian
stability | stabilitas
war | perang
military army | militer tentara
technical | teknis
cooperation cooperate collaborate | kerja sama kerjasama bekerja sama kooperasi
partner partnership | mitra kemitraan
relation relations ties | hubungan
strategic strategy | strategis strategi
joint | bersama gabung
bilateral | bilateral
sanction sanctions | sanksi
unilateral | sepihak
threat threaten | ancam ancaman
punish punishment | hukum
law legal | hukum
violate violation | langgar pelanggaran
arms weapon weapons | senjata
embargo | embargo
restriction restrictions limit | batas pembatasan
lift lifted | cabut pencabutan
missile | rudal
ballistic | balistik
nuclear | nuklir
deal agreement | sepakat kesepakatan perjanjian
resolution | resolusi
council | dewan
united nations | perserikatan bangsa-bangsa pbb
security council | dewan keamanan
proposal propose | usul usulan proposal
extension extend | panjang perpanjangan
reject rejected | tolak menolak
oppose opposition against | tentang penentangan oposisi lawan
support | dukung dukungan
defeat | kalah kekalahan
victory win | menang kemenangan
score | skor gol
trade | dagang perdagangan
economy economic | ekonomi
company companies | perusahaan usaha
individual individuals | individu
treasury finance | keuangan
department | departemen
purchase buy bought | beli pembelian
material materials | bahan
propellant | propelan
research | penelitian teliti riset
development develop | kembang pengembangan
program programme | program
unit | unit
revolutionary guard guards | pengawal revolusi
corps | korps
vaccine | vaksin
virus | virus
coronavirus corona | corona korona
pandemic | pandemi
spread | sebar penyebaran
crisis | krisis
damage | rusak kerusakan
deadly | mematikan
phone telephone call | telepon
conversation | percakapan
conference | konferensi
press | pers
briefing | jumpa pers taklimat
weekly | mingguan
interview | wawancara
summit | ktt konferensi tingkat tinggi
webinar | webinar
initiative | inisiatif prakarsa
participation participate | partisipasi
guarantor | penjamin jamin
dispute disputes | sengketa perselisihan selisih
issue issues problem | masalah isu persoalan
situation | situasi keadaan kondisi
condition | kondisi
development developments | perkembangan
prospect | prospek
capacity capacities | kapasitas
beneficial benefit | untung manfaat menguntungkan
growing grow | tumbuh
positive | positif
constructive | konstruktif
realistic | realistis
policy policies | kebijakan
hostile | musuh bermusuhan
wrong | salah
demand demands | tuntutan tuntut
excessive | berlebihan lebih
mechanism | mekanisme
party parties | partai pihak
side sides | pihak
neighbor neighbors neighbouring neighbor's | tetangga
margin sidelines | sela
counterpart | timpal mitra
delegation | delegasi
rank ranking | pangkat
travel trip visit | jalan perjalanan kunjung kunjungan
attend | hadir menghadiri
forum | forum
brigadier | brigadir
general | jenderal
commander | komandan
operation | operasi
launch | lancar melancarkan
invade invasion | invasi serbu
ally allies | sekutu
european europe | eropa
western west | barat
pioneer spearhead lead | pelopor ujung tombak
effort efforts attempt attempts try | upaya usaha coba mencoba
fail failure | gagal
internal | internal dalam
mercenary mercenaries | bayaran tentara bayaran
presence | hadir kehadiran
confirm | konfirmasi
praise | puji
need needs | butuh kebutuhan
basic | dasar
source | sumber
friendly friend | sahabat teman
purpose goal aim | tujuan
interest interests | kepentingan
prevent | cegah mencegah
continue continuation | lanjut lanjutan kelanjutan
expect expected | harap diharapkan
end | akhir
current | saat ini
elsewhere | bagian lain
remarks | sambutan
reiterate | tegas menegaskan
criticize lash | kecam mengecam
dislike | suka menyukai
population | penduduk populasi
capital | ibu kota
city | kota
year | tahun
month | bulan
week | minggu pekan
day | hari
today | hari ini
yesterday | kemarin
monday | senin
tuesday | selasa
wednesday | rabu
thursday | kamis
friday | jumat
saturday | sabtu
sunday | minggu
january | januari
february | februari
march | maret
april | april
may | mei
june | juni
july | juli
august | agustus
september | september
october | oktober
november | november
december | desember
one | satu
two | dua
three | tiga
four | empat
five | lima
six | enam
seven | tujuh
eight | delapan
nine | sembilan
ten | sepuluh
hundred | ratus
thousand | ribu
million | juta
billion | miliar
times | kali
first | pertama
last | terakhir
new | baru
big large great | besar
high | tinggi
many much | banyak
most | paling
who | siapa
what | apa
when | kapan
where | mana dimana
why | mengapa kenapa
how | bagaimana
how many | berapa
united states america american us | amerika serikat as amerika
russia russian | rusia
iran iranian | iran
islamic republic | republik islam
syria syrian | suriah
turkey turkish | turki
china chinese | china cina tiongkok
ukraine ukrainian | ukraina
afghanistan afghan | afganistan afghanistan
vienna | wina
moscow | moskow
tehran | teheran tehran
washington | washington
kremlin | kremlin
news media outlet press agency | berita media kantor berita pers
report reported reporting | laporan lapor melaporkan kabar
quote quoted cite cited | kutip mengutip dikutip
website site web | situs web laman
focus focused | fokus
force forces | pasukan angkatan korps
rank military rank | pangkat
trigger | picu memicu
bid offer | tawaran tawar
link linked related | kait terkait hubung
depend depends dependent | gantung bergantung tergantung
impose imposed | berlaku memberlakukan kena dikenai
measure measures step steps | langkah tindakan
action actions | tindakan aksi
name named | nama
people person | orang
die died death deaths | meninggal mati tewas kematian
number amount total | jumlah
value worth | nilai
contract | kontrak
ambassador | duta besar dubes
represent represented representative | wakil mewakili perwakilan
sign signed | tanda tangan menandatangani teken
range | jangkauan jarak
system systems | sistem
member members | anggota
kind type | jenis macam
year's annual | tahunan
expand expansion | luas perluasan
call called urge | seru menyerukan
ensure | pastikan memastikan
goal goals | tujuan sasaran
consider considers regard | anggap menganggap
main major key | utama
prospect prospects | prospek
face grapple | hadap bergulat
witness | saksi menyaksikan
weekly | mingguan
venue place | tempat
held hold | adakan mengadakan diadakan gelar menggelar
exchange exchanged | tukar bertukar
view views | pandang pandangan
welcome welcomed | sambut menyambut
underline stress emphasize | garis bawah menggarisbawahi tekan menekankan
promote | promosi mempromosikan
improve increase boost enhance | tingkat meningkatkan
bitter | pahit
blow | pukul pukulan
round | babak
individual | individu
responsible | tanggung jawab bertanggung
practical | praktis
ongoing underway | berlangsung
framework | kerangka
commission | komisi
authorities authority | otoritas
purchase purchases | pembelian
legal limits restrictions | batasan hukum
inevitable certainly surely | pasti
unilateralism | unilateralisme sepihak
hostile | bermusuhan
proof prove proves | bukti membuktikan
reaction | reaksi
unanimously unanimous | bulat suara bulat
restore | pulih memulihkan
draft drafted design designed | rancang dirancang
heading headed lead led | kepala mengepalai pimpin
`;
