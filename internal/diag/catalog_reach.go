package diag

// Messages of program reach: schools (data/sekolah.yaml), the schools and
// participants a report names, and the checks between them (internal/reach,
// internal/content/visits.go).
const (
	SchoolTwice          Code = "school-twice"
	ParticipantsShape    Code = "participants-shape"
	ParticipantsUnknown  Code = "participants-unknown"
	ParticipantsNotCount Code = "participants-not-count"
	SchoolUnknown        Code = "school-unknown"
	SchoolUnknownNoHint  Code = "school-unknown-nohint"
	SchoolDistrict       Code = "school-district-unknown"
	DistrictDisagrees    Code = "district-disagrees"
	SchoolsSyntax        Code = "schools-syntax"
	SchoolsNotMap        Code = "schools-not-map"
	SchoolNotMap         Code = "school-not-map"
	SchoolKeyBad         Code = "school-key-bad"
	SchoolFieldMissing   Code = "school-field-missing"
	SchoolFieldUnknown   Code = "school-field-unknown"
	SchoolFieldNotText   Code = "school-field-not-text"
	SchoolKindList       Code = "school-kind-list"
	SchoolKindGroup      Code = "school-kind-group"
	SchoolLevelUnknown   Code = "school-level-unknown"
	SchoolNPSN           Code = "school-npsn"
	SchoolCoord          Code = "school-coord"
	SchoolDuplicate      Code = "school-duplicate"
)

func init() {
	register(messages{
		SchoolTwice: {"school %q is named twice; remove the second one",
			"sekolah %q disebut dua kali; hapus yang kedua"},
		ParticipantsShape: {"participants must be totals, like participants: {children: 40, teachers: 3, parents: 12}",
			"participants harus berupa jumlah, seperti participants: {children: 40, teachers: 3, parents: 12}"},
		ParticipantsUnknown: {"participants has an unknown field %q; use children, teachers and parents (totals only, never names)",
			"participants memuat isian %q yang tidak dikenal; gunakan children, teachers dan parents (jumlah saja, jangan nama)"},
		ParticipantsNotCount: {"participants: %s must be a whole number of people (0 or more), not %q; write the number only, like 40",
			"participants: %s harus berupa jumlah orang (bilangan bulat, 0 atau lebih), bukan %q; tulis angkanya saja, misalnya 40"},
		SchoolUnknown: {"school %q is not in data/sekolah.yaml; did you mean %q? Write the key exactly as data/sekolah.yaml has it",
			"sekolah %q tidak ada di data/sekolah.yaml; mungkin maksudnya %q? Tulis kuncinya persis seperti di data/sekolah.yaml"},
		SchoolUnknownNoHint: {"school %q is not in data/sekolah.yaml; correct the key, or add the school there (key, name, level, district)",
			"sekolah %q tidak ada di data/sekolah.yaml; perbaiki kuncinya, atau tambahkan sekolahnya di sana (kunci, name, level, district)"},
		SchoolDistrict: {"school %q is in kecamatan %q, which is not one of the districts in site.yaml (%s); correct the name or add the kecamatan to site.yaml",
			"sekolah %q berada di kecamatan %q, yang tidak ada dalam districts di site.yaml (%s); perbaiki namanya atau tambahkan kecamatan itu di site.yaml"},
		DistrictDisagrees: {"district is %q but school %q is in %q; correct the district or the school",
			"district tertulis %q tetapi sekolah %q berada di %q; perbaiki district atau sekolahnya"},
		SchoolsSyntax: {"data/sekolah.yaml is not valid YAML: %s",
			"data/sekolah.yaml bukan YAML yang valid: %s"},
		SchoolsNotMap: {"data/sekolah.yaml must list the schools by key, like tk-negeri-1-metro-pusat: {name: ..., level: paud, district: Metro Pusat}",
			"data/sekolah.yaml harus mendaftar sekolah menurut kuncinya, seperti tk-negeri-1-metro-pusat: {name: ..., level: paud, district: Metro Pusat}"},
		SchoolNotMap: {"school %q needs its fields (name, level and district) under its key, not a single value; write it like %s",
			"sekolah %q memerlukan isiannya (name, level dan district) di bawah kuncinya, bukan satu nilai saja; tulis seperti %s"},
		SchoolKeyBad: {"school key %q may use only lower-case letters, digits and hyphens (it becomes the address /sekolah/<key>/); write it like %q",
			"kunci sekolah %q hanya boleh memakai huruf kecil, angka dan tanda hubung (kunci menjadi alamat /sekolah/<kunci>/); tulis seperti %q"},
		SchoolFieldMissing: {"school %q needs %s; add a line like %s",
			"sekolah %q memerlukan %s; tambahkan baris seperti %s"},
		SchoolFieldUnknown: {"school %q has an unknown field %q; the fields are name, level, district, kelurahan, npsn, lat and lon",
			"sekolah %q memuat isian %q yang tidak dikenal; isiannya adalah name, level, district, kelurahan, npsn, lat dan lon"},
		SchoolFieldNotText: {"school %q: %s must be text, not %s; write a single value, in quotes if it starts with [ or {",
			"sekolah %q: %s harus berupa teks, bukan %s; tulis satu nilai saja, dan apit dengan tanda kutip bila diawali [ atau {"},
		SchoolKindList:  {"a list", "daftar"},
		SchoolKindGroup: {"a group of fields", "kelompok isian"},
		SchoolLevelUnknown: {"school %q has level %q; write one of %s",
			"sekolah %q berjenjang %q; tulis salah satu dari %s"},
		SchoolNPSN: {"school %q: npsn %q is not an NPSN (8 digits); correct it or leave it out",
			"sekolah %q: npsn %q bukan NPSN (8 angka); perbaiki atau hapus"},
		SchoolCoord: {"school %q: %s %q is not a coordinate; write decimal degrees, like lat: -5.1131 and lon: 105.3067",
			"sekolah %q: %s %q bukan koordinat; tulis dalam derajat desimal, seperti lat: -5.1131 dan lon: 105.3067"},
		SchoolDuplicate: {"school %q is listed twice (first on line %d); keep one",
			"sekolah %q terdaftar dua kali (pertama di baris %d); sisakan satu"},
	})
}
