package diag

// Messages of warta deploy (internal/deploy, cmd/warta/deploy.go) and of
// the scheduled rebuild of warta serve.
const (
	DeployNoTargets      Code = "deploy-no-targets"
	DeployUnknownTarget  Code = "deploy-unknown-target"
	DeployChooseTarget   Code = "deploy-choose-target"
	DeployNoOutput       Code = "deploy-no-output"
	DeployHostUnknown    Code = "deploy-host-unknown"
	DeployHostChanged    Code = "deploy-host-changed"
	DeployKnownHosts     Code = "deploy-known-hosts"
	DeploySecretMissing  Code = "deploy-secret-missing"
	DeploySecretFile     Code = "deploy-secret-file"
	DeploySecretInside   Code = "deploy-secret-inside"
	DeployLogin          Code = "deploy-login"
	DeployConnect        Code = "deploy-connect"
	DeployFileFailed     Code = "deploy-file-failed"
	DeployDeleteFailed   Code = "deploy-delete-failed"
	DeployStopped        Code = "deploy-stopped"
	DeployInterrupted    Code = "deploy-interrupted"
	DeploySummary        Code = "deploy-summary"
	DeployUpToDate       Code = "deploy-up-to-date"
	DeployDryRun         Code = "deploy-dry-run"
	DeployWouldSend      Code = "deploy-would-send"
	DeployWouldDelete    Code = "deploy-would-delete"
	DeployFolderForeign  Code = "deploy-folder-foreign"
	DeployFolderUnsafe   Code = "deploy-folder-unsafe"
	DeployBucketMissing  Code = "deploy-bucket-missing"
	DeployManifestFailed Code = "deploy-manifest-failed"
	DeployProgress       Code = "deploy-progress"
	DeployBusy           Code = "deploy-busy"
	ScheduleDue          Code = "schedule-due"
	ScheduleFailed       Code = "schedule-failed"
	ScheduleRetry        Code = "schedule-retry"
)

func init() {
	register(messages{
		DeployNoTargets: {"site.yaml has no deploy targets; add one under deploy: (the README's section on warta deploy shows how)",
			"site.yaml belum punya tujuan deploy; tambahkan di bawah deploy: (lihat bagian warta deploy di README)"},
		DeployUnknownTarget: {"there is no deploy target named %q; the targets in site.yaml are: %s",
			"tidak ada tujuan deploy bernama %q; tujuan di site.yaml: %s"},
		DeployChooseTarget: {"site.yaml has %d deploy targets (%s); choose one with --target NAME",
			"site.yaml punya %d tujuan deploy (%s); pilih satu dengan --target NAMA"},
		DeployNoOutput: {"the output folder %s holds no built site; run warta build first, or warta deploy --build",
			"folder keluaran %s tidak berisi situs yang sudah dibangun; jalankan warta build dahulu, atau warta deploy --build"},
		DeployHostUnknown: {"the SSH server %s is not in the known hosts file %s; its key has the fingerprint %s. Nothing was sent. Ask the server's administrator whether that fingerprint is right; if it is, add the key with: ssh-keyscan -p %d %s >> %s",
			"server SSH %s belum tercatat di berkas known hosts %s; sidik jari kuncinya %s. Tidak ada yang dikirim. Tanyakan kepada pengelola server apakah sidik jari itu benar; jika benar, tambahkan kuncinya dengan: ssh-keyscan -p %d %s >> %s"},
		DeployHostChanged: {"the SSH server %s showed a key with the fingerprint %s, which is not the key recorded for it in %s: someone may stand between you and the server, or the server was reinstalled. Nothing was sent. Ask the server's administrator before you change %s",
			"server SSH %s menunjukkan kunci dengan sidik jari %s, berbeda dari kunci yang tercatat di %s: mungkin ada pihak lain di antara Anda dan server, atau server dipasang ulang. Tidak ada yang dikirim. Tanyakan kepada pengelola server sebelum mengubah %s"},
		DeployKnownHosts: {"cannot read the known hosts file %s (%v); set known_hosts in the deploy target to the file that holds the server's key",
			"berkas known hosts %s tidak dapat dibaca (%v); isi known_hosts pada tujuan deploy dengan berkas yang memuat kunci server"},
		DeploySecretMissing: {"deploy target %s: the environment variable %s is not set; set it before you run warta deploy",
			"tujuan deploy %s: variabel lingkungan %s belum diisi; isi sebelum menjalankan warta deploy"},
		DeploySecretFile: {"deploy target %s: cannot read %s (%v)",
			"tujuan deploy %s: %s tidak dapat dibaca (%v)"},
		DeploySecretInside: {"deploy target %s: %s is inside the site folder, where it could be published or shared with the site; move it outside the site folder",
			"tujuan deploy %s: %s ada di dalam folder situs, sehingga bisa ikut terbit atau tersebar bersama situs; pindahkan ke luar folder situs"},
		DeployLogin: {"cannot log in to %s as %s (%v); check the key or the password",
			"tidak dapat masuk ke %s sebagai %s (%v); periksa kunci atau kata sandinya"},
		DeployConnect: {"cannot reach %s (%v); check the address and the network",
			"%s tidak dapat dihubungi (%v); periksa alamat dan jaringan"},
		DeployFileFailed: {"%s: could not be sent after %d tries: %v",
			"%s: gagal dikirim setelah %d kali mencoba: %v"},
		DeployDeleteFailed: {"%s: could not be deleted after %d tries: %v",
			"%s: gagal dihapus setelah %d kali mencoba: %v"},
		DeployStopped: {"deploy to %s stopped: %d files failed (listed above); the site online keeps its previous version of them, and the later steps were not done. Run warta deploy again to finish",
			"deploy ke %s berhenti: %d berkas gagal (lihat di atas); situs daring tetap memakai versi sebelumnya, dan langkah berikutnya belum dijalankan. Jalankan warta deploy lagi untuk menyelesaikan"},
		DeployInterrupted: {"deploy to %s interrupted after %d of %d files; run warta deploy again: it goes on where it stopped",
			"deploy ke %s terhenti setelah %d dari %d berkas; jalankan warta deploy lagi: ia melanjutkan dari tempat berhenti"},
		DeploySummary: {"deployed to %s: %d files sent (%s), %d deleted, %d unchanged, in %s",
			"terbit di %s: %d berkas dikirim (%s), %d dihapus, %d tidak berubah, dalam %s"},
		DeployUpToDate: {"%s is up to date: nothing to send or delete (%d files unchanged)",
			"%s sudah mutakhir: tidak ada yang perlu dikirim atau dihapus (%d berkas tidak berubah)"},
		DeployDryRun: {"dry run for %s: would send %d files (%s) and delete %d; %d unchanged; nothing was changed",
			"uji coba untuk %s: akan mengirim %d berkas (%s) dan menghapus %d; %d tidak berubah; tidak ada yang diubah"},
		DeployWouldSend:   {"send   %s (%s, %s)", "kirim  %s (%s, %s)"},
		DeployWouldDelete: {"delete %s", "hapus  %s"},
		DeployFolderForeign: {"the folder %s holds files that warta did not put there; empty it or choose another folder as path, so that none of those files is replaced",
			"folder %s berisi berkas yang bukan dari warta; kosongkan atau pilih folder lain untuk path, agar berkas-berkas itu tidak tertimpa"},
		DeployFolderUnsafe: {"the deploy folder %s cannot be used: %v",
			"folder deploy %s tidak dapat dipakai: %v"},
		DeployBucketMissing: {"the bucket %s does not exist at %s, or these credentials cannot see it; create it first, or fix bucket and endpoint",
			"bucket %s tidak ada di %s, atau kredensial ini tidak dapat melihatnya; buat dahulu, atau perbaiki bucket dan endpoint"},
		DeployManifestFailed: {"cannot write the deploy record %s (%v); the files were sent, run warta deploy again",
			"catatan deploy %s tidak dapat ditulis (%v); berkas sudah dikirim, jalankan warta deploy lagi"},
		DeployProgress: {"deploy %s: %d/%d files, %s/%s", "deploy %s: %d/%d berkas, %s/%s"},
		DeployBusy: {"another publish of this site is running (%s, since %s); wait until it ends, then publish again if it did not include your change",
			"penerbitan lain situs ini sedang berjalan (%s, sejak %s); tunggu sampai selesai, lalu terbitkan lagi bila perubahan Anda belum ikut"},
		ScheduleDue: {"the scheduled page %s is due: rebuilding", "halaman terjadwal %s sudah tiba waktunya: membangun ulang"},
		ScheduleFailed: {"scheduled publishing failed: %v; it is tried again in %s, and until it succeeds",
			"penerbitan terjadwal gagal: %v; dicoba lagi dalam %s, dan seterusnya sampai berhasil"},
		ScheduleRetry: {"publishing the scheduled page %s again", "menerbitkan lagi halaman terjadwal %s"},
	})
}
