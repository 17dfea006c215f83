package diag

// Messages of internal/scrub (issue 12): bundle files published as they
// are (module attachments, documents beside a page) lose the metadata that
// names people; what cannot be cleaned is said, never published silently.
const (
	ScrubFieldRemoved Code = "scrub-field-removed"
	ScrubFieldKept    Code = "scrub-field-kept"
	ScrubEncrypted    Code = "scrub-encrypted"
	ScrubDamaged      Code = "scrub-damaged"
	ScrubUnsupported  Code = "scrub-unsupported"
	ScrubCannotClean  Code = "scrub-cannot-clean"
	ScrubCannotTurn   Code = "scrub-cannot-turn"
	ScrubOldOffice    Code = "scrub-old-office"
)

func init() {
	register(messages{
		ScrubFieldRemoved: {"%q in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)",
			"%q dalam dokumen ini dapat menyebut nama orang; salinan yang diterbitkan tidak memuatnya (privacy.strip_document_metadata aktif)"},
		ScrubFieldKept: {"%q in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on",
			"%q dalam dokumen ini dapat menyebut nama orang, dan ikut diterbitkan karena privacy.strip_document_metadata dimatikan; hapus di program pembuat berkasnya, atau nyalakan pengaturan itu"},
		ScrubEncrypted: {"this %s is protected with a password or encryption, so warta cannot remove the names in it; save a copy without protection and use that, or set privacy.strip_document_metadata: false to publish it as it is",
			"%s ini dilindungi kata sandi atau enkripsi, jadi warta tidak dapat menghapus nama-nama di dalamnya; simpan salinan tanpa perlindungan dan gunakan itu, atau isi privacy.strip_document_metadata: false untuk menerbitkannya apa adanya"},
		ScrubDamaged: {"this %s file is damaged (%s), so warta cannot remove the personal data in it; save it again from the program that made it",
			"berkas %s ini rusak (%s), jadi warta tidak dapat menghapus data pribadi di dalamnya; simpan ulang dari program pembuatnya"},
		ScrubUnsupported: {"this is a %s file, which keeps the camera's position, the owner's name and other data that warta cannot remove; save it as JPEG or PNG and use that file instead",
			"ini berkas %s, yang menyimpan lokasi kamera, nama pemilik, dan data lain yang tidak dapat dihapus warta; simpan sebagai JPEG atau PNG dan gunakan berkas itu"},
		ScrubCannotClean: {"warta cannot remove the personal data from this %s (%s); save it again (a PDF: print it to a new PDF) and use that file",
			"warta tidak dapat menghapus data pribadi dari %s ini (%s); simpan ulang (PDF: cetak ke PDF baru) dan gunakan berkas itu"},
		ScrubCannotTurn: {"this %s picture is stored sideways (EXIF orientation %d), and warta cannot turn it upright in this format once its metadata is gone; save it upright, or as JPEG",
			"gambar %s ini tersimpan miring (orientasi EXIF %d), dan warta tidak dapat menegakkannya dalam format ini setelah metadatanya dihapus; simpan dalam posisi tegak, atau sebagai JPEG"},
		ScrubOldOffice: {"this is an old-format Office file (.%s), whose author fields warta cannot remove; save it as .docx, .xlsx, .pptx or PDF, or set privacy.strip_document_metadata: false to publish it as it is",
			"ini berkas Office format lama (.%s), yang kolom penulisnya tidak dapat dihapus warta; simpan sebagai .docx, .xlsx, .pptx, atau PDF, atau isi privacy.strip_document_metadata: false untuk menerbitkannya apa adanya"},
	})
}
