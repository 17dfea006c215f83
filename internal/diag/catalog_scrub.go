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

	// Parts of the messages above (see Part).
	ScrubXMPField         Code = "scrub-xmp-field"
	ScrubFixPDF           Code = "scrub-fix-pdf"
	ScrubFixPicture       Code = "scrub-fix-picture"
	ScrubFixDocument      Code = "scrub-fix-document"
	ScrubTechnical        Code = "scrub-technical"
	ScrubWhyNoRoom        Code = "scrub-why-no-room"
	ScrubWhyXMPCompressed Code = "scrub-why-xmp-compressed"
	ScrubWhyInfoUnread    Code = "scrub-why-info-unread"
	ScrubWhyNoStartxref   Code = "scrub-why-no-startxref"
	ScrubWhyStartxref     Code = "scrub-why-startxref"
	ScrubWhyXrefTable     Code = "scrub-why-xref-table"
	ScrubWhyXrefUnread    Code = "scrub-why-xref-unread"
)

func init() {
	register(messages{
		ScrubFieldRemoved: {"%q in this document can name people; the published copy leaves it out (privacy.strip_document_metadata is on)",
			"%q dalam dokumen ini dapat menyebut nama orang; salinan yang diterbitkan tidak memuatnya (privacy.strip_document_metadata aktif)"},
		ScrubFieldKept: {"%q in this document can name people, and it is published with it because privacy.strip_document_metadata is off; remove it in the program that made the file, or turn the setting on",
			"%q dalam dokumen ini dapat menyebut nama orang, dan ikut diterbitkan karena privacy.strip_document_metadata dimatikan; hapus di program pembuat berkasnya, atau nyalakan pengaturan itu"},
		ScrubEncrypted: {"this %s is protected with a password or encryption, so warta cannot remove the names in it; save a copy without protection and use that, or set privacy.strip_document_metadata: false to publish it as it is",
			"%s ini dilindungi kata sandi atau enkripsi, jadi warta tidak dapat menghapus nama-nama di dalamnya; simpan salinan tanpa perlindungan dan gunakan itu, atau isi privacy.strip_document_metadata: false untuk menerbitkannya apa adanya"},
		ScrubDamaged: {"this %s file is damaged, or is not really a %s file, so warta cannot remove the personal data in it; %s%s",
			"berkas %s ini rusak, atau sebenarnya bukan berkas %s, jadi warta tidak dapat menghapus data pribadi di dalamnya; %s%s"},
		ScrubUnsupported: {"this is a %s file, which keeps the camera's position, the owner's name and other data that warta cannot remove; save it as JPEG or PNG and use that file instead",
			"ini berkas %s, yang menyimpan lokasi kamera, nama pemilik, dan data lain yang tidak dapat dihapus warta; simpan sebagai JPEG atau PNG dan gunakan berkas itu"},
		ScrubCannotClean: {"warta cannot remove the personal data from this %s (%s); save it again (a PDF: print it to a new PDF) and use that file",
			"warta tidak dapat menghapus data pribadi dari %s ini (%s); simpan ulang (PDF: cetak ke PDF baru) dan gunakan berkas itu"},
		ScrubCannotTurn: {"this %s picture is stored sideways (EXIF orientation %d), and warta cannot turn it upright in this format once its metadata is gone; save it upright, or as JPEG",
			"gambar %s ini tersimpan miring (orientasi EXIF %d), dan warta tidak dapat menegakkannya dalam format ini setelah metadatanya dihapus; simpan dalam posisi tegak, atau sebagai JPEG"},
		ScrubOldOffice: {"this is an old-format Office file (.%s), whose author fields warta cannot remove; save it as .docx, .xlsx, .pptx or PDF, or set privacy.strip_document_metadata: false to publish it as it is",
			"ini berkas Office format lama (.%s), yang kolom penulisnya tidak dapat dihapus warta; simpan sebagai .docx, .xlsx, .pptx, atau PDF, atau isi privacy.strip_document_metadata: false untuk menerbitkannya apa adanya"},

		ScrubXMPField: {"XMP metadata", "metadata XMP"},
		ScrubFixPDF: {"open it in the program that made it and save it again, or print it to a new PDF",
			"buka di program pembuatnya lalu simpan ulang, atau cetak ke PDF baru"},
		ScrubFixPicture: {"copy it again from the camera or phone, or open it in a picture editor and save it again as %s",
			"salin lagi dari kamera atau ponsel, atau buka di program pengolah gambar lalu simpan ulang sebagai %s"},
		ScrubFixDocument: {"open it in Word or LibreOffice and save it again as %s",
			"buka di Word atau LibreOffice lalu simpan ulang sebagai %s"},
		ScrubTechnical: {" (technical detail: %s)", " (keterangan teknis: %s)"},
		ScrubWhyNoRoom: {"its metadata does not compress back into the room it had",
			"metadatanya tidak dapat dipadatkan kembali ke tempatnya semula"},
		ScrubWhyXMPCompressed: {"its XMP metadata is compressed in a way warta cannot rewrite",
			"metadata XMP-nya dipadatkan dengan cara yang tidak dapat ditulis ulang warta"},
		ScrubWhyInfoUnread: {"its document information is in a stream warta cannot read",
			"keterangan dokumennya tersimpan di bagian berkas yang tidak dapat dibaca warta"},
		ScrubWhyNoStartxref: {"it has no startxref",
			"daftar letak isinya (startxref) tidak ada"},
		ScrubWhyStartxref: {"its startxref is wrong",
			"daftar letak isinya (startxref) salah"},
		ScrubWhyXrefTable: {"its last cross-reference section is a table with object streams",
			"daftar letak isinya yang terakhir berupa tabel dengan object stream, yang tidak dapat diubah warta"},
		ScrubWhyXrefUnread: {"its last cross-reference section cannot be read",
			"daftar letak isinya yang terakhir tidak dapat dibaca"},
	})
}
