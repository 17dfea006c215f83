package diag

// Messages of the team newsroom: review, approval and the office
// network's serve flags (internal/newsroom team_*.go, cmd/warta
// serve_team.go).
const (
	TeamNotInReview  Code = "team-not-in-review"
	TeamNeedsNote    Code = "team-needs-note"
	TeamNoteTooLong  Code = "team-note-too-long"
	TeamApproveError Code = "team-approve-errors"
	TeamChanged      Code = "team-changed"
	TeamApproved     Code = "team-approved"
	TeamReturned     Code = "team-returned"
	TeamServeFailed  Code = "team-serve-failed"
	TeamListening    Code = "team-listening"
	TeamPasswordWeak Code = "team-password-weak"
	TeamPasswordTwin Code = "team-password-twice"
	TeamPasswordDone Code = "team-password-done"
	TeamAccountSelf  Code = "team-account-self"
	TeamFirstAdmin   Code = "team-first-admin"
)

func init() {
	register(messages{
		TeamNotInReview: {"%s is not waiting for review (it is %s): only a page sent to review can be approved or returned; reload the review list",
			"%s tidak sedang menunggu tinjauan (statusnya %s): hanya halaman yang dikirim untuk ditinjau yang dapat disetujui atau dikembalikan; muat ulang daftar tinjauan"},
		TeamNeedsNote: {"write what the writer should change before returning %s: your comment is what they see on the page",
			"tulis apa yang perlu diubah penulis sebelum mengembalikan %s: komentar Anda itulah yang mereka lihat di halaman"},
		TeamNoteTooLong: {"the comment on %s is longer than %d characters: shorten it",
			"komentar untuk %s lebih dari %d karakter: persingkat"},
		TeamApproveError: {"%s still has %d problem(s) and cannot be published: return it to its writer with a comment, or fix it in the editor",
			"%s masih punya %d masalah sehingga belum dapat diterbitkan: kembalikan ke penulisnya dengan komentar, atau perbaiki di editor"},
		TeamChanged: {"%s changed since you opened the review list: nothing was done; look at the changes again",
			"%s berubah sejak daftar tinjauan Anda buka: tidak ada yang dilakukan; periksa perubahannya lagi"},
		TeamApproved: {"%s is approved and published.", "%s disetujui dan diterbitkan."},
		TeamReturned: {"%s went back to %s with your comment.", "%s dikembalikan kepada %s dengan komentar Anda."},
		TeamServeFailed: {"the newsroom cannot be served to the network: %v",
			"ruang redaksi tidak dapat dibuka untuk jaringan: %v"},
		TeamListening: {"newsroom for the team (log in with your account): %s",
			"ruang redaksi untuk tim (masuk dengan akun Anda): %s"},
		TeamPasswordWeak: {"the new password is too short or too long: use %d to %d characters, not your account name (a sentence of four words is easy to remember)",
			"kata sandi baru terlalu pendek atau terlalu panjang: pakai %d sampai %d karakter, bukan nama akun Anda (kalimat empat kata mudah diingat)"},
		TeamPasswordTwin: {"the new password was not typed the same twice: type it again",
			"kata sandi baru yang diketik dua kali tidak sama: ketik lagi"},
		TeamPasswordDone: {"your password is changed; your sessions on other computers and phones have ended",
			"kata sandi Anda sudah diganti; sesi Anda di komputer dan ponsel lain sudah berakhir"},
		TeamFirstAdmin: {"the first account is an admin's: it keeps the others; choose the role admin",
			"akun pertama adalah akun admin: ia yang mengelola akun lain; pilih peran admin"},
		TeamAccountSelf: {"this is your own account: change your password on the Change password page; another admin changes your role or removes you",
			"ini akun Anda sendiri: ganti kata sandi di halaman Ganti kata sandi; admin lain yang mengubah peran atau menghapus akun Anda"},
	})
}
