package diag

// Messages of the newsroom (internal/newsroom): what staff read in the
// browser when a photo is refused, a save is refused or a page is not
// ready for review.
const (
	NewsroomListening      Code = "newsroom-listening"
	NewsroomPhotoNoAlt     Code = "newsroom-photo-no-alt"
	NewsroomPhotoNoConsent Code = "newsroom-photo-no-consent"
	NewsroomHasErrors      Code = "newsroom-has-errors"
	NewsroomUploadHEIC     Code = "newsroom-upload-heic"
	NewsroomUploadTooBig   Code = "newsroom-upload-too-big"
	NewsroomUploadNotImage Code = "newsroom-upload-not-image"
	NewsroomUploadType     Code = "newsroom-upload-type"
	NewsroomConflict       Code = "newsroom-conflict"
	NewsroomNotEditable    Code = "newsroom-not-editable"
	NewsroomExists         Code = "newsroom-exists"
	NewsroomNeedsTitle     Code = "newsroom-needs-title"
	NewsroomOpenFailed     Code = "newsroom-open-failed"
)

func init() {
	register(messages{
		NewsroomListening: {"newsroom (web editor) at %s",
			"ruang redaksi (penyunting web) di %s"},
		NewsroomPhotoNoAlt: {"photo %s needs an alternative text (what the photo shows, for readers who cannot see it)",
			"foto %s perlu teks alternatif (apa yang tampak di foto, untuk pembaca yang tidak dapat melihatnya)"},
		NewsroomPhotoNoConsent: {"photo %s needs a consent answer: did the school or the parents agree to publication?",
			"foto %s perlu jawaban izin: apakah sekolah atau orang tua mengizinkan foto diterbitkan?"},
		NewsroomHasErrors: {"this page still has %d problem(s): it was saved as a draft; fix them (see the list) before sending it to review or publishing",
			"halaman ini masih punya %d masalah: disimpan sebagai draf; perbaiki dulu (lihat daftar) sebelum dikirim untuk ditinjau atau diterbitkan"},
		NewsroomUploadHEIC: {"%s is a HEIC photo, which the site cannot publish: on the iPhone choose Settings > Camera > Formats > Most Compatible, or share the photo as JPEG, then upload it again",
			"%s adalah foto HEIC yang tidak dapat diterbitkan situs: di iPhone pilih Pengaturan > Kamera > Format > Paling Kompatibel, atau bagikan foto sebagai JPEG, lalu unggah lagi"},
		NewsroomUploadTooBig: {"%s is larger than %d MB: make it smaller (share it from the phone at a smaller size) or raise newsroom.upload_limit_mb in site.yaml",
			"%s lebih besar dari %d MB: perkecil dulu (bagikan dari ponsel dengan ukuran lebih kecil) atau naikkan newsroom.upload_limit_mb di site.yaml"},
		NewsroomUploadNotImage: {"%s is not a photo the site can use (its bytes are %s): upload a JPEG, PNG, WebP or GIF picture",
			"%s bukan foto yang dapat dipakai situs (isinya %s): unggah gambar JPEG, PNG, WebP atau GIF"},
		NewsroomUploadType: {"%s cannot be attached (its bytes are %s): attach a PDF, a Word document or a picture",
			"%s tidak dapat dilampirkan (isinya %s): lampirkan PDF, dokumen Word atau gambar"},
		NewsroomConflict: {"%s changed on disk since you opened it: nothing was written; choose which version to keep, or merge them by hand",
			"%s berubah di disk sejak Anda membukanya: belum ada yang ditulis; pilih versi yang dipakai, atau gabungkan sendiri"},
		NewsroomNotEditable: {"%s cannot be edited here: %v",
			"%s tidak dapat diubah di sini: %v"},
		NewsroomExists: {"%s exists already: choose another title or date",
			"%s sudah ada: pilih judul atau tanggal lain"},
		NewsroomNeedsTitle: {"write a title first", "tulis judul dulu"},
		NewsroomOpenFailed: {"could not open the browser (%v): open %s yourself",
			"browser tidak dapat dibuka (%v): buka sendiri %s"},
	})
}
