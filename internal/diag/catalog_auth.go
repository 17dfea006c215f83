package diag

// Messages of accounts, sessions and the office network (internal/auth,
// warta users).
const (
	AuthHostRefused    Code = "auth-host-refused"
	AuthOriginRefused  Code = "auth-origin-refused"
	AuthNeedLogin      Code = "auth-need-login"
	AuthCSRFRefused    Code = "auth-csrf-refused"
	AuthNeedSecret     Code = "auth-need-secret"
	AuthNoAccounts     Code = "auth-no-accounts"
	AuthForbidden      Code = "auth-forbidden"
	AuthWrongPassword  Code = "auth-wrong-password"
	AuthLoginExpired   Code = "auth-login-expired"
	AuthLocked         Code = "auth-locked"
	AuthLoginTitle     Code = "auth-login-title"
	AuthLoginName      Code = "auth-login-name"
	AuthLoginPassword  Code = "auth-login-password"
	AuthLoginSubmit    Code = "auth-login-submit"
	AuthLoggedOutLocal Code = "auth-logged-out-local"

	BindNoAccounts  Code = "bind-no-accounts"
	BindNoTLS       Code = "bind-no-tls"
	BindHalfTLS     Code = "bind-half-tls"
	BindTLSTwice    Code = "bind-tls-twice"
	BindProxyNoList Code = "bind-proxy-no-list"
	BindBadAddress  Code = "bind-bad-address"
	TLSFingerprint  Code = "tls-fingerprint"

	UsersUsage         Code = "users-usage"
	UsersAdded         Code = "users-added"
	UsersPasswdDone    Code = "users-passwd-done"
	UsersRemoved       Code = "users-removed"
	UsersNone          Code = "users-none"
	UsersMismatch      Code = "users-mismatch"
	UsersPrompt        Code = "users-prompt"
	UsersPromptAgain   Code = "users-prompt-again"
	UsersNoRole        Code = "users-no-role"
	UsersBadRole       Code = "users-bad-role"
	UsersExists        Code = "users-exists"
	UsersNoUser        Code = "users-no-user"
	UsersLastAdmin     Code = "users-last-admin"
	UsersBadName       Code = "users-bad-name"
	UsersWeak          Code = "users-weak"
	UsersNoInput       Code = "users-no-input"
	UsersFailed        Code = "users-failed"
	UsersRoleDone      Code = "users-role-done"
	UsersLastAdminRole Code = "users-last-admin-role"
)

func init() {
	register(messages{
		AuthHostRefused: {"this server does not answer for the address %q; open the address warta serve printed (behind a reverse proxy, start warta serve with --host and the proxy's name)",
			"server ini tidak melayani alamat %q; buka alamat yang dicetak warta serve (di belakang reverse proxy, jalankan warta serve dengan --host dan nama proxy itu)"},
		AuthOriginRefused: {"the request did not come from a page of the newsroom (origin %s), so it was refused; reload the newsroom page and try again",
			"permintaan tidak datang dari halaman ruang redaksi (asal %s), jadi ditolak; muat ulang halaman ruang redaksi lalu coba lagi"},
		AuthNeedLogin: {"you are not logged in, or your session has ended; log in again",
			"Anda belum masuk, atau sesi Anda sudah berakhir; silakan masuk lagi"},
		AuthCSRFRefused: {"the form's security token is missing or old; reload the page and try again (your typing is kept in the browser)",
			"token keamanan formulir tidak ada atau sudah usang; muat ulang halaman lalu coba lagi (ketikan Anda tetap tersimpan di peramban)"},
		AuthNeedSecret: {"open the newsroom with the address warta serve printed in the terminal (it holds a secret key for this run)",
			"buka ruang redaksi dengan alamat yang dicetak warta serve di terminal (alamat itu memuat kunci rahasia untuk sesi ini)"},
		AuthNoAccounts: {"the newsroom on the network needs accounts; create one on the server with: warta users add NAME --role admin",
			"ruang redaksi di jaringan memerlukan akun; buat akun di server dengan: warta users add NAMA --role admin"},
		AuthForbidden: {"your role (%s) may not do this (%s); ask an editor (penyunting) or an admin",
			"peran Anda (%s) tidak boleh melakukan ini (%s); mintalah penyunting atau admin"},
		AuthWrongPassword: {"the name or the password is wrong", "nama atau kata sandi salah"},
		AuthLoginExpired: {"the login form was old or came from elsewhere; type your name and password again",
			"formulir masuk sudah usang atau datang dari tempat lain; ketik lagi nama dan kata sandi Anda"},
		AuthLocked: {"too many failed logins: logging in is locked until %s (in %d minutes); try again then, or ask an admin to check the audit log",
			"terlalu banyak percobaan masuk yang gagal: masuk dikunci sampai pukul %s (%d menit lagi); coba lagi nanti, atau minta admin memeriksa catatan audit"},
		AuthLoginTitle:     {"Log in to the newsroom", "Masuk ke ruang redaksi"},
		AuthLoginName:      {"Account name", "Nama akun"},
		AuthLoginPassword:  {"Password", "Kata sandi"},
		AuthLoginSubmit:    {"Log in", "Masuk"},
		AuthLoggedOutLocal: {"You have left the newsroom. To come back, open the address warta serve printed in the terminal.", "Anda sudah keluar dari ruang redaksi. Untuk kembali, buka alamat yang dicetak warta serve di terminal."},

		BindNoAccounts: {"warta serve --bind %s would open the newsroom to the network, but there is no account yet; first create one: warta users add NAME --role admin (or serve on this computer only: leave out --bind)",
			"warta serve --bind %s akan membuka ruang redaksi ke jaringan, tetapi belum ada akun; buat dulu: warta users add NAMA --role admin (atau layani hanya di komputer ini: hapus --bind)"},
		BindNoTLS: {"warta serve --bind %s would send passwords over the network unencrypted; add --tls-auto (warta makes a certificate for the office), or --tls-cert FILE --tls-key FILE, or --behind-proxy ADDRESSES when a reverse proxy such as Caddy provides HTTPS",
			"warta serve --bind %s akan mengirim kata sandi lewat jaringan tanpa enkripsi; tambahkan --tls-auto (warta membuat sertifikat untuk kantor), atau --tls-cert BERKAS --tls-key BERKAS, atau --behind-proxy ALAMAT bila reverse proxy seperti Caddy menyediakan HTTPS"},
		BindHalfTLS: {"--tls-cert and --tls-key go together: give both files, the certificate and its private key",
			"--tls-cert dan --tls-key harus berpasangan: berikan kedua berkas, sertifikat dan kunci privatnya"},
		BindTLSTwice: {"choose one way to HTTPS: --tls-cert/--tls-key, --tls-auto or --behind-proxy, not several",
			"pilih satu cara HTTPS: --tls-cert/--tls-key, --tls-auto atau --behind-proxy, jangan beberapa"},
		BindProxyNoList: {"--behind-proxy needs the address of the proxy, for example --behind-proxy 127.0.0.1 (warta believes the visitor's address only from it): %v",
			"--behind-proxy memerlukan alamat proxy, misalnya --behind-proxy 127.0.0.1 (warta hanya memercayai alamat pengunjung darinya): %v"},
		BindBadAddress: {"%q is not an address to listen on; write it as 0.0.0.0:8443 or 192.168.1.10:8443",
			"%q bukan alamat untuk mendengarkan; tulis seperti 0.0.0.0:8443 atau 192.168.1.10:8443"},
		TLSFingerprint: {"HTTPS with the office certificate (valid until %s); staff install %s once on each computer and phone (README, \"Accounts and HTTPS on an office network\"), after checking its SHA-256 fingerprint:\n  %s",
			"HTTPS dengan sertifikat kantor (berlaku sampai %s); staf memasang %s sekali di setiap komputer dan ponsel (README, \"Accounts and HTTPS on an office network\"), setelah memeriksa sidik jari SHA-256-nya:\n  %s"},

		UsersUsage: {"usage: warta users add NAME --role penulis|penyunting|admin [--display \"Full Name\"] | list | passwd NAME | role NAME penulis|penyunting|admin | remove NAME  [--src FOLDER]",
			"cara pakai: warta users add NAMA --role penulis|penyunting|admin [--display \"Nama Lengkap\"] | list | passwd NAMA | role NAMA penulis|penyunting|admin | remove NAMA  [--src FOLDER]"},
		UsersRoleDone:      {"account %s now has the role %s (from its next page on)", "akun %s sekarang berperan %s (mulai halaman berikutnya yang dibukanya)"},
		UsersLastAdminRole: {"%s is the last admin and stays admin; make another account admin first", "%s adalah admin terakhir dan tetap admin; jadikan akun lain admin dulu"},
		UsersAdded:         {"account %s added with role %s", "akun %s ditambahkan dengan peran %s"},
		UsersPasswdDone:    {"password of %s changed; their sessions have ended", "kata sandi %s diganti; sesi-sesinya sudah diakhiri"},
		UsersRemoved:       {"account %s removed; its sessions have ended", "akun %s dihapus; sesi-sesinya sudah diakhiri"},
		UsersNone:          {"no accounts yet; add one with: warta users add NAME --role admin", "belum ada akun; tambahkan dengan: warta users add NAMA --role admin"},
		UsersMismatch:      {"the two passwords are not the same; nothing was changed", "kedua kata sandi tidak sama; tidak ada yang diubah"},
		UsersPrompt:        {"Password for %s: ", "Kata sandi untuk %s: "},
		UsersPromptAgain:   {"Type it again: ", "Ketik sekali lagi: "},
		UsersNoRole:        {"say the account's role: --role penulis (writer), penyunting (editor) or admin", "sebutkan peran akun: --role penulis, penyunting atau admin"},
		UsersBadRole:       {"%q is not a role; use penulis (writer), penyunting (editor) or admin", "%q bukan peran; gunakan penulis, penyunting atau admin"},
		UsersExists:        {"there is already an account called %s; to change its password: warta users passwd %s", "sudah ada akun bernama %s; untuk mengganti kata sandinya: warta users passwd %s"},
		UsersNoUser:        {"there is no account called %s; see the accounts with: warta users list", "tidak ada akun bernama %s; lihat daftar akun dengan: warta users list"},
		UsersLastAdmin:     {"%s is the last admin and cannot be removed; add another admin first", "%s adalah admin terakhir dan tidak dapat dihapus; tambahkan admin lain dulu"},
		UsersBadName:       {"%q cannot be an account name: use 2 to 32 lowercase letters, digits, dots, hyphens or underscores, starting with a letter (for example siti.rahma)", "%q tidak dapat menjadi nama akun: gunakan 2 sampai 32 huruf kecil, angka, titik, tanda hubung atau garis bawah, diawali huruf (misalnya siti.rahma)"},
		UsersWeak:          {"the password is too short: use at least %d characters (a sentence of four words is easy to remember and hard to guess), and not the account name", "kata sandi terlalu pendek: gunakan paling sedikit %d karakter (kalimat empat kata mudah diingat dan sulit ditebak), dan bukan nama akun"},
		UsersNoInput:       {"no password was typed; nothing was changed", "tidak ada kata sandi yang diketik; tidak ada yang diubah"},
		UsersFailed:        {"the accounts could not be changed: %v", "akun tidak dapat diubah: %v"},
	})
}
