package corpus

// The vocabulary of generated text: plain ASCII Indonesian, so that front
// matter can be quoted without escapes and slugs are predictable.

var districts = []string{"Metro Pusat", "Metro Barat", "Metro Timur", "Metro Selatan", "Metro Utara"}

var programs = []string{
	"Peksos Go To School", "Sekolah Ramah Anak", "Kelas Pengasuhan Positif",
	"Layanan Anak Terpadu", "Keluarga Harapan", "Pelatihan Guru Pendamping",
}

var tags = []string{
	"perlindungan anak", "sekolah ramah anak", "pengasuhan", "paud", "sd", "smp",
	"perundungan", "kesehatan mental", "keamanan daring", "gizi anak",
	"hari anak nasional", "orang tua", "guru", "pelatihan", "sosialisasi",
	"koordinasi", "relawan", "disabilitas", "lansia", "bantuan sosial",
	"posyandu", "kelurahan", "konseling", "literasi", "permainan tradisional",
	"dongeng", "senam ceria", "emosi", "sentuhan aman", "hak anak", "kekerasan",
	"pencegahan", "rujukan", "kunjungan sekolah", "keluarga", "remaja",
	"pola asuh", "komunitas", "partisipasi anak", "evaluasi",
}

var authors = []string{
	"Tim Humas Dinas Sosial", "Rina Marlina", "Agus Santoso", "Dewi Lestari",
	"Bidang Perlindungan Anak", "Hendra Saputra",
}

var activities = []string{
	"Peksos Go To School", "Sosialisasi Perlindungan Anak", "Kelas Pengasuhan Positif",
	"Pelatihan Deteksi Dini Kekerasan", "Dongeng dan Senam Ceria",
	"Konsultasi Layanan Anak Terpadu", "Diskusi Keamanan Daring",
	"Pendampingan Guru Bimbingan Konseling", "Evaluasi Sekolah Ramah Anak",
	"Kunjungan Pekerja Sosial",
}

var schoolKinds = []string{"TK Negeri", "SD Negeri", "SMP Negeri", "TK Pertiwi", "SD Muhammadiyah", "MI Maarif"}

var people = []string{
	"Ibu Sri Wahyuni", "Bapak Agus Santoso", "Ibu Dewi Lestari", "Bapak Hendra Saputra",
	"Ibu Rina Marlina", "Bapak Joko Prasetyo", "Ibu Nur Aini", "Bapak Wayan Sudarma",
}

var roles = []string{
	"kepala sekolah", "pekerja sosial", "guru kelas", "Kepala Dinas Sosial Kota Metro",
	"ketua komite sekolah", "guru bimbingan konseling",
}

var headings = []string{
	"Latar belakang kegiatan", "Jalannya kegiatan", "Tanggapan guru dan orang tua",
	"Materi yang disampaikan", "Rencana tindak lanjut", "Hasil diskusi kelompok",
	"Pesan untuk orang tua", "Peran sekolah", "Data peserta", "Langkah berikutnya",
	"Suara anak", "Kerja sama lintas dinas",
}

var nouns = []string{
	"anak", "sekolah", "guru", "murid", "orang tua", "keluarga", "pekerja sosial",
	"kegiatan", "program", "layanan", "perlindungan", "pengasuhan", "kelas",
	"halaman sekolah", "permainan", "cerita", "lagu", "kelompok", "pertemuan",
	"kelurahan", "warga", "masyarakat", "dinas", "kepala sekolah", "komite",
	"relawan", "modul", "materi", "lembar kerja", "diskusi", "pelatihan",
	"sosialisasi", "kunjungan", "laporan", "jadwal", "tujuan", "hasil", "peserta",
	"fasilitator", "pendamping", "rumah", "lingkungan", "teman", "perasaan",
	"keberanian", "kepercayaan", "kesehatan", "pendidikan", "hak anak", "keamanan",
	"aturan", "kesepakatan", "contoh", "pertanyaan", "jawaban", "tanda", "bantuan",
	"pertolongan", "rujukan", "konseling", "posyandu", "puskesmas", "aula",
	"lapangan", "perpustakaan", "kartu bergambar", "papan tulis", "buku cerita",
}

var verbs = []string{
	"mengajak", "menjelaskan", "mendengarkan", "memahami", "mengenali", "melaporkan",
	"membantu", "menyampaikan", "mendampingi", "menyiapkan", "mengikuti", "membahas",
	"menyusun", "menilai", "melindungi", "menjaga", "menghargai", "memperhatikan",
	"mengingatkan", "menanyakan", "menulis", "menggambar", "membaca", "menunjukkan",
	"memberikan", "menerima", "mengadakan", "melanjutkan", "mendukung", "memperkuat",
}

var adjectives = []string{
	"aman", "nyaman", "ceria", "ramah", "penting", "sederhana", "baru", "besar",
	"kecil", "terbuka", "jujur", "berani", "peduli", "sehat", "bahagia", "aktif",
	"rutin", "terpadu", "berkelanjutan", "setempat",
}

var adverbs = []string{
	"bersama", "dengan tenang", "secara bergiliran", "setiap hari", "dengan sabar",
	"sejak awal", "dengan gembira", "secara rutin", "lebih dulu", "hingga selesai",
}

var preps = []string{"di", "ke", "dari", "untuk", "dengan", "dalam", "pada", "bagi", "tentang", "kepada", "bersama"}

var conjs = []string{"agar", "supaya", "karena", "sehingga", "tetapi", "serta", "sebelum", "setelah", "sambil", "ketika"}

var subjects = []string{
	"Para guru", "Tim pekerja sosial", "Orang tua murid", "Kepala sekolah",
	"Anak-anak", "Fasilitator", "Pengawas sekolah", "Setiap kelompok",
	"Dinas Sosial Kota Metro", "Komite sekolah", "Relawan", "Murid kelas atas",
}

var moduleVerbs = []string{"Mengenal", "Belajar", "Berlatih", "Memahami", "Menjaga", "Aku Berani", "Bersama"}

var moduleTopics = []string{
	"Perasaan Diri", "Sentuhan Aman", "Teman Baik", "Tubuhku Milikku", "Minta Tolong",
	"Aman di Dunia Daring", "Stop Perundungan", "Emosi Marah", "Rahasia yang Aman",
	"Orang Dewasa Tepercaya", "Bermain Adil", "Menghargai Perbedaan",
}

var levelAges = map[string]string{"paud": "4-6", "sd": "7-12", "smp": "13-15"}
