<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AccountsPage</name>
    <message>
        <source>Akun media sosial dan situs web</source>
        <translation>Social-media accounts and website</translation>
    </message>
    <message>
        <source>Tampil di kaki konten dan di caption. Isi yang dipakai saja; yang lain biarkan kosong.</source>
        <translation>Shown at the foot of posts and in captions. Fill in the ones you use; leave the others empty.</translation>
    </message>
    <message>
        <source>contoh: {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <source>Situs web</source>
        <translation>Website</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Kesalahan tak terduga</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Terjadi kesalahan tak terduga: {error}

Pekerjaan Anda tetap tersimpan otomatis. Rincian untuk pengembang ada di {log}.</source>
        <translation>An unexpected error occurred: {error}

Your work is still saved automatically. Details for the developers are in {log}.</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Buat Massal dari Lembar Kerja</source>
        <translation>Bulk Create from Spreadsheet</translation>
    </message>
    <message>
        <source>Lembar {name} hanya berisi judul kolom, tanpa baris data.</source>
        <translation>Sheet {name} holds only column headings, no data rows.</translation>
    </message>
    <message>
        <source>Berkas tidak bisa dibuka: {why}</source>
        <translation>The file cannot be opened: {why}</translation>
    </message>
    <message>
        <source>Tidak bisa dilanjutkan: {error}</source>
        <translation>Cannot continue: {error}</translation>
    </message>
    <message>
        <source>Pembuatan massal sedang berjalan</source>
        <translation>Bulk create is running</translation>
    </message>
    <message>
        <source>Postingan sedang dibuat. Hentikan dan tutup? Yang sudah selesai tetap tersimpan, beserta laporan.csv.</source>
        <translation>Posts are being made. Stop and close? What was finished is kept, with laporan.csv.</translation>
    </message>
    <message>
        <source>Postingan dari lembar kerja sedang dibuat. Hentikan dan keluar? Yang sudah selesai tetap tersimpan.</source>
        <translation>Posts from a spreadsheet are being made. Stop and quit? What was finished is kept.</translation>
    </message>
</context>
<context>
    <name>CaptionsPanel</name>
    <message>
        <source>Tagar konten</source>
        <translation>Post hashtags</translation>
    </message>
    <message>
        <source>mis. #HariJadiKe75 #UMKMNaikKelas</source>
        <translation>e.g. #HariJadiKe75 #UMKMNaikKelas</translation>
    </message>
    <message>
        <source>Tagar khusus konten ini; tagar bawaan profil ditambahkan otomatis. Spasi dan huruf besar/kecil dirapikan, tagar ganda dibuang.</source>
        <translation>Hashtags for this post only; the profile&apos;s default hashtags are added automatically. Spaces and letter case are tidied, duplicates dropped.</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Profil ini belum punya kelompok tagar.</source>
        <translation>This profile has no hashtag groups yet.</translation>
    </message>
    <message>
        <source>Salin &amp;caption</source>
        <translation>Copy &amp;caption</translation>
    </message>
    <message>
        <source>Salin caption platform yang dipilih di panel Caption (Ctrl+Shift+C)</source>
        <translation>Copy the caption of the platform chosen in the Caption panel (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Sebutan akun</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>mis. @bupati.contoh @humas.contoh</source>
        <translation>e.g. @bupati.contoh @humas.contoh</translation>
    </message>
    <message>
        <source>Tambahkan tagar kelompok &apos;{name}&apos;: {tags}</source>
        <translation>Add the &apos;{name}&apos; hashtag group: {tags}</translation>
    </message>
    <message>
        <source>Semua tagar kelompok &apos;{name}&apos; sudah ada.</source>
        <translation>All hashtags of group &apos;{name}&apos; are already there.</translation>
    </message>
    <message>
        <source>Tambah tagar &apos;{name}&apos;</source>
        <translation>Add hashtags &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Tagar ditambahkan: {tags}</source>
        <translation>Hashtags added: {tags}</translation>
    </message>
    <message>
        <source>Ubah tagar</source>
        <translation>Change hashtags</translation>
    </message>
    <message>
        <source>Ubah mention</source>
        <translation>Change mentions</translation>
    </message>
    <message>
        <source>Di caption: {tags}</source>
        <translation>In the caption: {tags}</translation>
    </message>
    <message>
        <source>Belum ada tagar.</source>
        <translation>No hashtags yet.</translation>
    </message>
    <message>
        <source>Bukan tagar (perlu huruf), diabaikan: {items}</source>
        <translation>Not a hashtag (needs a letter), ignored: {items}</translation>
    </message>
    <message>
        <source>Caption yang diedit manual tidak ikut berubah: {platforms}.</source>
        <translation>Captions edited by hand do not change with them: {platforms}.</translation>
    </message>
    <message>
        <source>Sunting caption {platform}</source>
        <translation>Edit {platform} caption</translation>
    </message>
    <message>
        <source>Kembalikan caption {platform}</source>
        <translation>Reset {platform} caption</translation>
    </message>
    <message>
        <source>Caption {platform} kembali mengikuti isian.</source>
        <translation>The {platform} caption follows the fields again.</translation>
    </message>
    <message>
        <source>Disalin, tetapi periksa dulu: {problem}</source>
        <translation>Copied, but check first: {problem}</translation>
    </message>
    <message>
        <source>Disalin — periksa peringatan</source>
        <translation>Copied — check the warnings</translation>
    </message>
    <message>
        <source>Caption {platform} disalin ({counter} karakter).</source>
        <translation>{platform} caption copied ({counter} characters).</translation>
    </message>
    <message>
        <source>✓ Disalin</source>
        <translation>✓ Copied</translation>
    </message>
</context>
<context>
    <name>ColumnMappingPanel</name>
    <message>
        <source>&amp;Kolom lembar untuk tiap isian</source>
        <translation>Sheet co&amp;lumn for each field</translation>
    </message>
    <message>
        <source>(tidak dipakai)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>(kolom {letter} tanpa judul)</source>
        <translation>(column {letter}, no heading)</translation>
    </message>
    <message>
        <source>{header} (kolom {letter})</source>
        <translation>{header} (column {letter})</translation>
    </message>
    <message>
        <source>Isian templat</source>
        <translation>Template field</translation>
    </message>
    <message>
        <source>Kolom di lembar</source>
        <translation>Column in the sheet</translation>
    </message>
    <message>
        <source>Isi baris pertama</source>
        <translation>First row&apos;s value</translation>
    </message>
    <message>
        <source>{label} (wajib)</source>
        <translation>{label} (required)</translation>
    </message>
    <message>
        <source>Jika tidak dipilih, dipakai: {value}</source>
        <translation>When no column is chosen: {value}</translation>
    </message>
    <message>
        <source>Kolom untuk &apos;{field}&apos; belum dipilih.</source>
        <translation>No column chosen for &apos;{field}&apos; yet.</translation>
    </message>
    <message>
        <source>Pilih minimal satu format.</source>
        <translation>Choose at least one format.</translation>
    </message>
</context>
<context>
    <name>DayTwoBar</name>
    <message>
        <source>draf terakhir</source>
        <translation>last draft</translation>
    </message>
    <message>
        <source>&amp;Lanjutkan: {title}</source>
        <translation>&amp;Continue: {title}</translation>
    </message>
    <message>
        <source>Mulai cepat dari draf terakhir</source>
        <translation>Quick start from the last draft</translation>
    </message>
    <message>
        <source>Buka lagi draf terakhir: {title}</source>
        <translation>Open the last draft again: {title}</translation>
    </message>
    <message>
        <source>Buat seperti &amp;kemarin</source>
        <translation>Make &amp;like yesterday</translation>
    </message>
    <message>
        <source>Konten baru dari draf terakhir: templat, format, profil, tagar dan pengaturan tetap; judul, isi dan foto dikosongkan, tanggal hari ini. Draf kemarin tidak ditimpa.</source>
        <translation>A new post from the last draft: template, formats, profile, hashtags and settings kept; title, content and photos cleared, today&apos;s date. Yesterday&apos;s draft is not overwritten.</translation>
    </message>
    <message>
        <source>Tutup saran ini (Esc)</source>
        <translation>Close this suggestion (Esc)</translation>
    </message>
    <message>
        <source>Tutup saran</source>
        <translation>Close suggestion</translation>
    </message>
    <message>
        <source>Saran mulai cepat</source>
        <translation>Quick start suggestion</translation>
    </message>
</context>
<context>
    <name>DraftBrowser</name>
    <message>
        <source>waktu tidak diketahui</source>
        <translation>time unknown</translation>
    </message>
    <message>
        <source>hari ini pukul {time}</source>
        <translation>today at {time}</translation>
    </message>
    <message>
        <source>kemarin pukul {time}</source>
        <translation>yesterday at {time}</translation>
    </message>
    <message>
        <source>{date} pukul {time}</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Cari judul, templat atau tanggal (mis. 21 november)</source>
        <translation>Search title, template or date (e.g. 21 november)</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Buka berkas lain…</source>
        <translation>Open another file…</translation>
    </message>
    <message>
        <source>belum pernah disimpan</source>
        <translation>never saved</translation>
    </message>
    <message>
        <source>Simpanan otomatis, {when} · {where}</source>
        <translation>Autosaved {when} · {where}</translation>
    </message>
    <message>
        <source>Berkas tidak ditemukan: {path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>Disimpan {when} · {name}</source>
        <translation>Saved {when} · {name}</translation>
    </message>
    <message>
        <source>Belum ada draf. Draf yang Anda simpan atau buka akan muncul di sini.</source>
        <translation>No drafts yet. Drafts you save or open will appear here.</translation>
    </message>
    <message>
        <source>Tidak ada draf yang cocok dengan “{query}”.</source>
        <translation>No draft matches “{query}”.</translation>
    </message>
</context>
<context>
    <name>DraftFileDialogs</name>
    <message>
        <source>Draf KontenOPD ({patterns});;Semua berkas (*)</source>
        <translation>KontenOPD drafts ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Buka draf</source>
        <translation>Open draft</translation>
    </message>
    <message>
        <source>Simpan draf sebagai</source>
        <translation>Save draft as</translation>
    </message>
</context>
<context>
    <name>DraftFiles</name>
    <message>
        <source>B&amp;uka…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Buka draf yang tersimpan (Ctrl+O)</source>
        <translation>Open a saved draft (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Simpan draf ini (Ctrl+S)</source>
        <translation>Save this draft (Ctrl+S)</translation>
    </message>
    <message>
        <source>Simpan Seb&amp;agai…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>&amp;Draf…</source>
        <translation>&amp;Drafts…</translation>
    </message>
    <message>
        <source>Draf terbaru dan simpanan otomatis, dengan pratinjau dan pencarian</source>
        <translation>Recent and autosaved drafts, with previews and search</translation>
    </message>
    <message>
        <source>Bersihkan daftar</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>Draf &amp;Terbaru</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>Sedang bekerja…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>{name} (tidak ditemukan)</source>
        <translation>{name} (not found)</translation>
    </message>
    <message>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Draf masih disimpan; tunggu sebentar lalu tutup lagi.</source>
        <translation>The draft is still being saved; wait a moment, then close again.</translation>
    </message>
    <message>
        <source>Konten baru dimulai.</source>
        <translation>New content started.</translation>
    </message>
    <message>
        <source>Templat draf {name} tidak terpasang lagi; pilih templat di galeri untuk konten baru.</source>
        <translation>The template of draft {name} is no longer installed; pick a template in the gallery for a new post.</translation>
    </message>
    <message>
        <source>Konten baru seperti “{name}”: isi dan foto dikosongkan, pengaturan dan tagar dibawa.</source>
        <translation>New post like “{name}”: content and photos cleared, settings and hashtags kept.</translation>
    </message>
    <message>
        <source>Draf masih disimpan; tunggu sebentar.</source>
        <translation>The draft is still being saved; wait a moment.</translation>
    </message>
    <message>
        <source>Menyimpan {name}…</source>
        <translation>Saving {name}…</translation>
    </message>
    <message>
        <source>Draf gagal disimpan ({kind}).</source>
        <translation>The draft could not be saved ({kind}).</translation>
    </message>
    <message>
        <source>Draf belum tersimpan</source>
        <translation>Draft not saved</translation>
    </message>
    <message>
        <source>{message}

Perubahan masih ada di jendela ini; coba simpan lagi atau pilih Simpan Sebagai… ke folder lain.</source>
        <translation>{message}

Your changes are still in this window; try saving again or choose Save As… to another folder.</translation>
    </message>
    <message>
        <source>Tersimpan: {name}, {when}.</source>
        <translation>Saved: {name}, {when}.</translation>
    </message>
    <message>
        <source>Draf tidak ditemukan</source>
        <translation>Draft not found</translation>
    </message>
    <message>
        <source>Berkas {path} tidak ditemukan: mungkin dipindah, dihapus, atau ada di flashdisk yang belum dipasang.

Hapus dari daftar Draf Terbaru?</source>
        <translation>The file {path} was not found: it may have been moved or deleted, or be on a flash drive that is not plugged in.

Remove it from the Open Recent list?</translation>
    </message>
    <message>
        <source>Draf lain masih dibuka; tunggu sebentar.</source>
        <translation>Another draft is still opening; wait a moment.</translation>
    </message>
    <message>
        <source>Membuka {name}…</source>
        <translation>Opening {name}…</translation>
    </message>
    <message>
        <source>Draf tidak bisa dibuka: {name} ({kind}).</source>
        <translation>The draft cannot be opened: {name} ({kind}).</translation>
    </message>
    <message>
        <source>Draf tidak bisa dibuka</source>
        <translation>Draft cannot be opened</translation>
    </message>
    <message>
        <source>Batal membuka {name}.</source>
        <translation>Did not open {name}.</translation>
    </message>
    <message>
        <source>Profil dipakai: {name}.</source>
        <translation>Profile in use: {name}.</translation>
    </message>
    <message>
        <source>Profil draf belum disimpan</source>
        <translation>Draft profile not saved</translation>
    </message>
    <message>
        <source>{message}

Draf tetap memakai identitasnya sendiri.</source>
        <translation>{message}

The draft keeps its own identity.</translation>
    </message>
    <message>
        <source>Profil draf disimpan ke daftar profil dan dipakai: {name}.</source>
        <translation>The draft&apos;s profile was added to your profiles and is in use: {name}.</translation>
    </message>
    <message>
        <source>Draf dipindah ke profil {name}; simpan untuk menyimpan perubahannya.</source>
        <translation>The draft now uses the profile {name}; save to keep the change.</translation>
    </message>
    <message>
        <source>Draf memakai identitasnya sendiri ({name}), tanpa disimpan sebagai profil; ganti lewat menu Profil.</source>
        <translation>The draft keeps its own identity ({name}) without saving it as a profile; change it in the Profile menu.</translation>
    </message>
    <message>
        <source>Draf dibuka: {name} (disimpan {when}).</source>
        <translation>Draft opened: {name} (saved {when}).</translation>
    </message>
    <message>
        <source>Draf dibuka: {name}.</source>
        <translation>Draft opened: {name}.</translation>
    </message>
    <message>
        <source>Catatan saat membuka draf</source>
        <translation>Notes on opening the draft</translation>
    </message>
    <message>
        <source>Draf dibuka, dengan catatan berikut:</source>
        <translation>The draft was opened, with these notes:</translation>
    </message>
    <message>
        <source>Draf simpanan otomatis tetap bisa dibuka lewat Berkas ▸ Draf…</source>
        <translation>Autosaved drafts can still be opened from File ▸ Drafts…</translation>
    </message>
    <message>
        <source>Simpan otomatis gagal: {message}</source>
        <translation>Autosave failed: {message}</translation>
    </message>
</context>
<context>
    <name>DraftProfileDialog</name>
    <message>
        <source>Profil draf</source>
        <translation>Draft profile</translation>
    </message>
    <message>
        <source>Draf ini memakai profil yang belum ada di komputer ini</source>
        <translation>This draft uses a profile this computer does not have</translation>
    </message>
    <message>
        <source>Draf “{name}” dibuat dengan profil &lt;b&gt;{profile}&lt;/b&gt;.</source>
        <translation>The draft “{name}” was made with the profile &lt;b&gt;{profile}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Draf ini dibuat dengan profil &lt;b&gt;{profile}&lt;/b&gt;.</source>
        <translation>This draft was made with the profile &lt;b&gt;{profile}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>“Pakai profil draf” menyimpan profil ini ke daftar profil Anda dan memakainya.</source>
        <translation>“Use the draft&apos;s profile” adds this profile to your profiles and uses it.</translation>
    </message>
    <message>
        <source>Atau ganti ke profil saya:</source>
        <translation>Or switch to my profile:</translation>
    </message>
    <message>
        <source>“Batal”: draf tetap memakai identitasnya sendiri, tanpa disimpan sebagai profil.</source>
        <translation>“Cancel”: the draft keeps its own identity, without saving it as a profile.</translation>
    </message>
    <message>
        <source>Pakai profil draf</source>
        <translation>Use the draft&apos;s profile</translation>
    </message>
    <message>
        <source>Ganti ke profil saya</source>
        <translation>Switch to my profile</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <source>Teks dipotong: paling banyak {n} karakter per isian.</source>
        <translation>Text cut: at most {n} characters per field.</translation>
    </message>
    <message>
        <source>Daftar terlalu panjang: paling banyak {n} karakter per isian; perubahan terakhir dibatalkan.</source>
        <translation>List too long: at most {n} characters per field; the last change was undone.</translation>
    </message>
    <message>
        <source>Templat ini memuat paling banyak {n} butir.</source>
        <translation>This template holds at most {n} items.</translation>
    </message>
    <message>
        <source>* wajib diisi</source>
        <translation>* required</translation>
    </message>
    <message>
        <source>Ubah foto &apos;{label}&apos;</source>
        <translation>Change photos &apos;{label}&apos;</translation>
    </message>
    <message>
        <source>Ubah &apos;{label}&apos;</source>
        <translation>Edit &apos;{label}&apos;</translation>
    </message>
    <message>
        <source>Perbaiki cahaya foto &apos;{label}&apos;</source>
        <translation>Fix the lighting of photo &apos;{label}&apos;</translation>
    </message>
    <message>
        <source>Batalkan perbaikan cahaya foto &apos;{label}&apos;</source>
        <translation>Undo the lighting fix of photo &apos;{label}&apos;</translation>
    </message>
</context>
<context>
    <name>ExportBox</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Salin alamat folder</source>
        <translation>Copy folder path</translation>
    </message>
    <message>
        <source>Pilih folder tujuan ekspor</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>Menyiapkan {n} konten…</source>
        <translation>Preparing {n} posts…</translation>
    </message>
    <message>
        <source>{done} dari {total}: {name}</source>
        <translation>{done} of {total}: {name}</translation>
    </message>
    <message>
        <source>Mengekspor {total} gambar…</source>
        <translation>Exporting {total} images…</translation>
    </message>
    <message>
        <source>Membatalkan… menunggu gambar yang sedang dibuat.</source>
        <translation>Cancelling… waiting for the image being made.</translation>
    </message>
    <message>
        <source>Ekspor gagal: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan. {n} konten yang sudah selesai tetap tersimpan; tidak ada berkas setengah jadi.</source>
        <translation>Export cancelled. {n} finished posts were kept; no half-written files.</translation>
    </message>
    <message>
        <source>Selesai: {n} konten, {files} berkas di {folder}.</source>
        <translation>Done: {n} posts, {files} files in {folder}.</translation>
    </message>
    <message>
        <source>{n} konten diekspor, {failed} gagal:</source>
        <translation>{n} posts exported, {failed} failed:</translation>
    </message>
    <message>
        <source>{n} konten diekspor, tidak semua formatnya:</source>
        <translation>{n} post(s) exported, not all of their formats:</translation>
    </message>
    <message>
        <source>{n} peringatan:</source>
        <translation>{n} warning(s):</translation>
    </message>
    <message>
        <source>… dan {n} lainnya (lihat manifest.json di folder hasil).</source>
        <translation>… and {n} more (see manifest.json in the result folder).</translation>
    </message>
    <message>
        <source>Folder tidak bisa dibuka di pengelola berkas. Hasil ada di:
{folder}</source>
        <translation>The folder could not be opened in a file manager. The results are in:
{folder}</translation>
    </message>
    <message>
        <source>Folder tidak bisa dibuka: {folder}</source>
        <translation>The folder cannot be opened: {folder}</translation>
    </message>
    <message>
        <source>Alamat folder disalin: {folder}</source>
        <translation>Folder path copied: {folder}</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Tagar dan ringkasan</source>
        <translation>Hashtags and summary</translation>
    </message>
    <message>
        <source>Tagar bawaan ditambahkan ke setiap caption. Periksa ringkasan, lalu klik Selesai.</source>
        <translation>The default hashtags are added to every caption. Check the summary, then click Finish.</translation>
    </message>
    <message>
        <source>Tagar bawaan</source>
        <translation>Default hashtags</translation>
    </message>
    <message>
        <source>contoh: {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <source>Tulis dengan # di depan (#MojokertoKab #Diskominfo) atau pisahkan dengan koma. Kelompok tagar dapat ditambah nanti lewat Profil → Kelola profil.</source>
        <translation>Write them with a leading # (#MojokertoKab #Diskominfo) or separate them with commas. Hashtag groups can be added later in Profile → Manage profiles.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ringkasan&lt;/b&gt;</source>
        <translation>&lt;b&gt;Summary&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>Selamat datang di KontenOPD</source>
        <translation>Welcome to KontenOPD</translation>
    </message>
    <message>
        <source>Lewati, pakai profil contoh</source>
        <translation>Skip, use the demo profile</translation>
    </message>
    <message>
        <source>Mencoba aplikasi dengan “Pemerintah Kabupaten Contoh”. Konten dengan profil contoh ditandai dan tidak bisa diekspor; isi profil Anda kapan saja lewat Profil → Kelola profil.</source>
        <translation>Try the app with “Pemerintah Kabupaten Contoh”. Posts with the demo profile are marked and cannot be exported; fill in your own profile at any time in Profile → Manage profiles.</translation>
    </message>
    <message>
        <source>Lanjut &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Langkah {n} dari {total}: {title}</source>
        <translation>Step {n} of {total}: {title}</translation>
    </message>
    <message>
        <source>(pratinjau tidak tersedia)</source>
        <translation>(preview not available)</translation>
    </message>
    <message>
        <source>belum diisi</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <source>Pemda</source>
        <translation>Local government</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Kota, zona waktu</source>
        <translation>City, time zone</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>lambang Pemda</source>
        <translation>government emblem</translation>
    </message>
    <message>
        <source>logo OPD</source>
        <translation>agency logo</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Situs web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Tagar</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
</context>
<context>
    <name>FocusGestures</name>
    <message>
        <source>Klik untuk menjadikan titik ini titik fokus foto; seret untuk menggeser foto di dalam bingkainya.</source>
        <translation>Click to make this point the photo&apos;s focal point; drag to move the photo inside its frame.</translation>
    </message>
    <message>
        <source>Geser titik fokus &apos;{label}&apos;</source>
        <translation>Move focal point of &apos;{label}&apos;</translation>
    </message>
    <message>
        <source>Titik fokus foto dipindahkan. Ctrl+Z untuk membatalkan.</source>
        <translation>Photo focal point moved. Ctrl+Z to undo.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>feed Instagram/Facebook</source>
        <translation>Instagram/Facebook feed</translation>
    </message>
    <message>
        <source>persegi</source>
        <translation>square</translation>
    </message>
    <message>
        <source>feed 3:4, hanya lewat aplikasi</source>
        <translation>3:4 feed, app only</translation>
    </message>
    <message>
        <source>story, Reels, TikTok, status WhatsApp</source>
        <translation>story, Reels, TikTok, WhatsApp status</translation>
    </message>
    <message>
        <source>X / lanskap</source>
        <translation>X / landscape</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Panduan singkat KontenOPD</source>
        <translation>KontenOPD quick guide (in Indonesian)</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Liputan kegiatan</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <source>Kunjungan kerja</source>
        <translation>Working visit</translation>
    </message>
    <message>
        <source>Apel / upacara</source>
        <translation>Assembly / ceremony</translation>
    </message>
    <message>
        <source>Agenda / undangan</source>
        <translation>Agenda / invitation</translation>
    </message>
    <message>
        <source>Pengumuman layanan</source>
        <translation>Service announcement</translation>
    </message>
    <message>
        <source>Klarifikasi hoaks</source>
        <translation>Hoax clarification</translation>
    </message>
    <message>
        <source>Infografis</source>
        <translation>Infographic</translation>
    </message>
    <message>
        <source>Ucapan hari besar</source>
        <translation>Holiday greeting</translation>
    </message>
    <message>
        <source>Duka cita / selamat</source>
        <translation>Condolence / congratulations</translation>
    </message>
    <message>
        <source>Carousel</source>
        <translation>Carousel</translation>
    </message>
    <message>
        <source>Peringatan darurat</source>
        <translation>Emergency warning</translation>
    </message>
    <message>
        <source>Kutipan pimpinan</source>
        <translation>Leader quote</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Tambah baris</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Naikkan baris</source>
        <translation>Move row up</translation>
    </message>
    <message>
        <source>Turunkan baris</source>
        <translation>Move row down</translation>
    </message>
</context>
<context>
    <name>LogoChooser</name>
    <message>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>Logo ini tidak dipakai: {problem} Pilih berkas PNG atau JPG lain.</source>
        <translation>This logo is not used: {problem} Choose another PNG or JPG file.</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Pilih logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
</context>
<context>
    <name>LogosPage</name>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Pilih lambang Pemda dan logo OPD (PNG berlatar transparan paling bagus). Keduanya boleh diisi nanti.</source>
        <translation>Choose the local government emblem and the agency logo (a PNG with a transparent background works best). Both can be added later.</translation>
    </message>
    <message>
        <source>Lambang Pemda</source>
        <translation>Local government emblem</translation>
    </message>
    <message>
        <source>Logo OPD</source>
        <translation>Agency logo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pratinjau pita identitas&lt;/b&gt; (seperti di bagian atas konten):</source>
        <translation>&lt;b&gt;Identity strip preview&lt;/b&gt; (as at the top of posts):</translation>
    </message>
    <message>
        <source>Warna dan huruf dapat diubah nanti lewat Profil → Kelola profil.</source>
        <translation>Colours and fonts can be changed later in Profile → Manage profiles.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pratinjau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Caption ⚠</source>
        <translation>Caption ⚠</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Antrean ({n})</source>
        <translation>Queue ({n})</translation>
    </message>
    <message>
        <source>Antrean</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Caption per platform, tagar, salin</source>
        <translation>Captions per platform, hashtags, copy</translation>
    </message>
    <message>
        <source>Antrean ekspor dan ekspor sekaligus</source>
        <translation>Export queue and batch export</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sunting</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Format pratinjau</source>
        <translation>Preview format</translation>
    </message>
    <message>
        <source>Bahasa / Language</source>
        <translation>Bahasa / Language</translation>
    </message>
    <message>
        <source>&amp;Profil</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Bilah alat</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>&amp;Baru</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>Mulai konten baru dengan templat ini (Ctrl+N)</source>
        <translation>Start new content with this template (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Tambah foto…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>Pilih foto dari komputer</source>
        <translation>Choose photos from this computer</translation>
    </message>
    <message>
        <source>Tempel foto</source>
        <translation>Paste photo</translation>
    </message>
    <message>
        <source>Isi dengan contoh</source>
        <translation>Fill with example</translation>
    </message>
    <message>
        <source>Buat &amp;Massal dari Lembar Kerja…</source>
        <translation>&amp;Bulk Create from Spreadsheet…</translation>
    </message>
    <message>
        <source>Satu postingan per baris lembar Excel/CSV (Ctrl+Shift+M)</source>
        <translation>One post per row of an Excel/CSV sheet (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Grid Instagram 3:4</source>
        <translation>Instagram 3:4 grid</translation>
    </message>
    <message>
        <source>Tampilkan bagian yang terlihat di grid profil Instagram (3:4)</source>
        <translation>Show the part visible in the Instagram profile grid (3:4)</translation>
    </message>
    <message>
        <source>Zona aman story</source>
        <translation>Story safe zones</translation>
    </message>
    <message>
        <source>Tandai bagian atas dan bawah story yang tertutup tombol aplikasi</source>
        <translation>Mark the top and bottom of a story that app buttons cover</translation>
    </message>
    <message>
        <source>Kelola profil…</source>
        <translation>Manage profiles…</translation>
    </message>
    <message>
        <source>Nama, logo, warna dan akun OPD</source>
        <translation>The agency&apos;s name, logos, colours and accounts</translation>
    </message>
    <message>
        <source>&amp;Panduan singkat</source>
        <translation>Quick &amp;guide</translation>
    </message>
    <message>
        <source>Tentang KontenOPD</source>
        <translation>About KontenOPD</translation>
    </message>
    <message>
        <source>&amp;Urungkan {what}</source>
        <translation>&amp;Undo {what}</translation>
    </message>
    <message>
        <source>&amp;Urungkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Ula&amp;ngi {what}</source>
        <translation>&amp;Redo {what}</translation>
    </message>
    <message>
        <source>Ula&amp;ngi</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Urungkan (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Ulangi (Ctrl+Y)</source>
        <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
        <source>{name} — profil dari draf</source>
        <translation>{name} — profile from the draft</translation>
    </message>
    <message>
        <source>Profil contoh: konten belum bisa diekspor. Isi identitas OPD Anda lewat Profil ▸ Kelola profil…</source>
        <translation>Demo profile: posts cannot be exported yet. Fill in your agency&apos;s identity in Profile ▸ Manage profiles…</translation>
    </message>
    <message>
        <source>Profil yang dipakai kartu ini</source>
        <translation>The profile this card uses</translation>
    </message>
    <message>
        <source>Buang perubahan?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Konten ini belum disimpan. Buang perubahannya?</source>
        <translation>This content has not been saved. Discard the changes?</translation>
    </message>
    <message>
        <source>Memakai profil contoh: konten tidak bisa diekspor sebelum identitas OPD Anda diisi lewat Profil → Kelola profil.</source>
        <translation>Using the demo profile: posts cannot be exported until your agency&apos;s identity is filled in via Profile → Manage profiles.</translation>
    </message>
    <message>
        <source>Profil dipakai: {name}</source>
        <translation>Using profile: {name}</translation>
    </message>
    <message>
        <source>Ganti templat ke &apos;{name}&apos;</source>
        <translation>Switch template to &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>Templat: {name}. Isian yang sama dibawa; Ctrl+Z untuk kembali.</source>
        <translation>Template: {name}. Matching fields were kept; Ctrl+Z to go back.</translation>
    </message>
    <message>
        <source>Templat ini tidak memakai foto.</source>
        <translation>This template uses no photos.</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; menerima paling banyak {n} foto.</source>
        <translation>&apos;{label}&apos; takes at most {n} photos.</translation>
    </message>
    <message>
        <source>Tambah foto ke &apos;{label}&apos;</source>
        <translation>Add photos to &apos;{label}&apos;</translation>
    </message>
    <message>
        <source>{n} foto ditambahkan ke &apos;{label}&apos;.</source>
        <translation>{n} photo(s) added to &apos;{label}&apos;.</translation>
    </message>
    <message>
        <source>Pilih foto</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <source>Foto ({patterns});;Semua berkas (*)</source>
        <translation>Photos ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Papan klip tidak berisi foto.</source>
        <translation>The clipboard holds no photo.</translation>
    </message>
    <message>
        <source>Foto dari papan klip tidak dapat disimpan.</source>
        <translation>The photo from the clipboard could not be saved.</translation>
    </message>
    <message>
        <source>&lt;b&gt;KontenOPD {version}&lt;/b&gt;&lt;br&gt;Konten media sosial OPD yang resmi dan seragam, sepenuhnya luring.&lt;br&gt;Lisensi: GPL-3.0-or-later.</source>
        <translation>&lt;b&gt;KontenOPD {version}&lt;/b&gt;&lt;br&gt;Official, consistent social-media content for government agencies, fully offline.&lt;br&gt;Licence: GPL-3.0-or-later.</translation>
    </message>
</context>
<context>
    <name>NamesPage</name>
    <message>
        <source>Nama Pemda dan OPD</source>
        <translation>Local government and agency names</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selamat datang!&lt;/b&gt; Isi identitas OPD Anda sekali saja, dalam empat langkah singkat; semua templat memakainya. Semuanya dapat diubah nanti lewat Profil → Kelola profil.</source>
        <translation>&lt;b&gt;Welcome!&lt;/b&gt; Fill in your agency&apos;s identity once, in four short steps; every template uses it. Everything can be changed later in Profile → Manage profiles.</translation>
    </message>
    <message>
        <source>Nama ini tampil di pita identitas setiap konten. Tulis lengkap seperti pada kop surat resmi.</source>
        <translation>These names appear in the identity strip of every post. Write them in full, as on the official letterhead.</translation>
    </message>
    <message>
        <source>Nama Pemda *</source>
        <translation>Local government *</translation>
    </message>
    <message>
        <source>Nama OPD *</source>
        <translation>Agency name *</translation>
    </message>
    <message>
        <source>Singkatan OPD</source>
        <translation>Agency short name</translation>
    </message>
    <message>
        <source>Kota (dateline)</source>
        <translation>City (dateline)</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>contoh: {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <source>WIB — Waktu Indonesia Barat</source>
        <translation>WIB — Western Indonesia Time</translation>
    </message>
    <message>
        <source>WITA — Waktu Indonesia Tengah</source>
        <translation>WITA — Central Indonesia Time</translation>
    </message>
    <message>
        <source>WIT — Waktu Indonesia Timur</source>
        <translation>WIT — Eastern Indonesia Time</translation>
    </message>
    <message>
        <source>nama Pemda</source>
        <translation>government name</translation>
    </message>
    <message>
        <source>nama OPD</source>
        <translation>the agency name</translation>
    </message>
    <message>
        <source>Isi {fields} untuk melanjutkan (wajib, bertanda *).</source>
        <translation>Fill in {fields} to continue (required, marked *).</translation>
    </message>
    <message>
        <source> dan </source>
        <translation> and </translation>
    </message>
    <message>
        <source>Kota dan singkatan boleh dikosongkan dan diisi nanti.</source>
        <translation>The city and short name may stay empty and be filled in later.</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Pilih foto terbaik</source>
        <translation>Choose the best photos</translation>
    </message>
    <message>
        <source>{n} foto ditambahkan sekaligus. Foto yang paling layak tampil di depan; foto yang buram, terlalu gelap atau terang, dan yang mirip foto lain diberi tanda. Centang paling banyak {limit} foto.</source>
        <translation>{n} photos added at once. The best ones come first; blurred, too dark or too bright photos and ones similar to another photo are marked. Tick at most {limit} photos.</translation>
    </message>
    <message>
        <source>Menilai foto… %v dari %m</source>
        <translation>Rating photos… %v of %m</translation>
    </message>
    <message>
        <source>Pilih yang terbaik</source>
        <translation>Pick the best</translation>
    </message>
    <message>
        <source>Centang {n} foto terbaik saja</source>
        <translation>Tick only the {n} best photos</translation>
    </message>
    <message>
        <source>Kosongkan pilihan</source>
        <translation>Clear the selection</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Foto tidak dapat dinilai; urutannya seperti aslinya.</source>
        <translation>The photos could not be rated; they are in their original order.</translation>
    </message>
    <message>
        <source>{n} dari paling banyak {limit} foto dipilih.</source>
        <translation>{n} of at most {limit} photos chosen.</translation>
    </message>
    <message>
        <source>Hapus centang foto lain dulu.</source>
        <translation>Untick another photo first.</translation>
    </message>
    <message>
        <source>Tambahkan {n} foto</source>
        <translation>Add {n} photos</translation>
    </message>
    <message>
        <source>Tambahkan</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>PhotoSlot</name>
    <message>
        <source>Tambah foto…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <source>Tempel</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Tempel foto dari papan klip</source>
        <translation>Paste a photo from the clipboard</translation>
    </message>
    <message>
        <source>Geser foto ke kiri (urutan lebih awal)</source>
        <translation>Move photo left (earlier)</translation>
    </message>
    <message>
        <source>Geser foto ke kanan (urutan lebih akhir)</source>
        <translation>Move photo right (later)</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Seret foto ke jendela ini, klik Tambah foto, atau tempel (Ctrl+V).</source>
        <translation>Drag photos onto this window, click Add photos, or paste (Ctrl+V).</translation>
    </message>
    <message>
        <source>{n} dari {max} foto. Seret gambar kecil untuk mengubah urutan. Klik pratinjau untuk memilih titik fokus, atau seret foto di dalam bingkainya.</source>
        <translation>{n} of {max} photos. Drag a thumbnail to change the order. Click the preview to choose the focal point, or drag the photo inside its frame.</translation>
    </message>
    <message>
        <source>Perbaiki cahaya otomatis</source>
        <translation>Auto-fix lighting</translation>
    </message>
    <message>
        <source>Atur kontras dan terang foto ini secara otomatis; berkas aslinya tidak diubah.</source>
        <translation>Adjust this photo&apos;s contrast and brightness automatically; the original file is not changed.</translation>
    </message>
    <message>
        <source>Hapus foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Cahaya diperbaiki otomatis</source>
        <translation>Lighting fixed automatically</translation>
    </message>
</context>
<context>
    <name>PlatformPage</name>
    <message>
        <source>Kembalikan ke otomatis</source>
        <translation>Reset to automatic</translation>
    </message>
    <message>
        <source>Buang suntingan dan pakai lagi caption yang dibuat dari isian</source>
        <translation>Discard the edit and use the caption made from the fields again</translation>
    </message>
    <message>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Salin caption {platform} ke papan klip (Ctrl+Shift+C)</source>
        <translation>Copy the {platform} caption to the clipboard (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Caption {platform} kosong.</source>
        <translation>The {platform} caption is empty.</translation>
    </message>
    <message>
        <source>Diedit manual — tidak lagi mengikuti isian.</source>
        <translation>Edited by hand — no longer follows the fields.</translation>
    </message>
    <message>
        <source>Otomatis dari isian templat.</source>
        <translation>Made automatically from the template fields.</translation>
    </message>
    <message>
        <source>{counter} karakter (hitungan X)</source>
        <translation>{counter} characters (X count)</translation>
    </message>
    <message>
        <source>Hitungan X: tautan dihitung 23, kebanyakan emoji 2.</source>
        <translation>X count: links count 23, most emoji 2.</translation>
    </message>
    <message>
        <source>Dihitung X sebagai tautan (masing-masing 23): {links}</source>
        <translation>Counted by X as links (23 each): {links}</translation>
    </message>
    <message>
        <source>{counter} karakter</source>
        <translation>{counter} characters</translation>
    </message>
    <message>
        <source>Dihitung per huruf yang terlihat (emoji dihitung 1).</source>
        <translation>Counted per visible character (an emoji counts 1).</translation>
    </message>
    <message>
        <source>Tagar: {n}</source>
        <translation>Hashtags: {n}</translation>
    </message>
    <message>
        <source>Sebutan akun: {n}</source>
        <translation>Mentions: {n}</translation>
    </message>
    <message>
        <source>Siap diunggah di {platform}.</source>
        <translation>Ready to post on {platform}.</translation>
    </message>
</context>
<context>
    <name>PostOptions</name>
    <message>
        <source>Postingan:</source>
        <translation>Posts:</translation>
    </message>
    <message>
        <source>Satu postingan per ba&amp;ris</source>
        <translation>One post per &amp;row</translation>
    </message>
    <message>
        <source>Semua baris jadi satu postingan (&amp;carousel)</source>
        <translation>All rows make one post (car&amp;ousel)</translation>
    </message>
    <message>
        <source>Tiap baris menambah satu foto atau butir daftar ke satu postingan</source>
        <translation>Each row adds one photo or list item to a single post</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
</context>
<context>
    <name>PreviewCanvas</name>
    <message>
        <source>Zona aman story: jangan taruh teks di sini</source>
        <translation>Story safe zone: keep text out of here</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>tidak bisa diekspor sebelum diperbaiki</source>
        <translation>cannot be exported until fixed</translation>
    </message>
    <message>
        <source>ada peringatan</source>
        <translation>has warnings</translation>
    </message>
    <message>
        <source>siap</source>
        <translation>ready</translation>
    </message>
    <message>
        <source>{fmt} ({hint}), {w}×{h} piksel</source>
        <translation>{fmt} ({hint}), {w}×{h} pixels</translation>
    </message>
    <message>
        <source>Slide {n} dari {total}:</source>
        <translation>Slide {n} of {total}:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Perbesar pratinjau</source>
        <translation>Enlarge preview</translation>
    </message>
    <message>
        <source>⤢ Perbesar</source>
        <translation>⤢ Enlarge</translation>
    </message>
    <message>
        <source>Buka pratinjau format ini di jendela sendiri, sebesar layar (F11)</source>
        <translation>Open this format&apos;s preview in its own window, as large as the screen (F11)</translation>
    </message>
    <message>
        <source>Pratinjau gagal dibuat: {error}</source>
        <translation>The preview could not be made: {error}</translation>
    </message>
    <message>
        <source>{message} Format {fmt} tidak akan diekspor sampai ini diperbaiki.</source>
        <translation>{message} Format {fmt} will not be exported until this is fixed.</translation>
    </message>
    <message>
        <source>✓ Tidak ada peringatan untuk format {fmt}.</source>
        <translation>✓ No warnings for the {fmt} format.</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>Pratinjau besar — format {fmt}</source>
        <translation>Large preview — format {fmt}</translation>
    </message>
    <message>
        <source>Ikut berubah saat Anda menyunting. Esc atau F11 untuk menutup.</source>
        <translation>Follows your edits. Esc or F11 to close.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profil OPD (identitas resmi)</source>
        <translation>Agency profile (official identity)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Selamat datang di KontenOPD!&lt;/b&gt; Isi identitas OPD Anda sekali saja: nama, logo, warna dan akun media sosial. Semua templat memakainya. Anda dapat mengubahnya kapan saja lewat menu Profil.</source>
        <translation>&lt;b&gt;Welcome to KontenOPD!&lt;/b&gt; Enter your agency&apos;s identity once: name, logos, colours and social-media accounts. Every template uses it. You can change it at any time from the Profile menu.</translation>
    </message>
    <message>
        <source>Identitas OPD yang dipakai semua templat. Satu admin dapat menyimpan beberapa profil.</source>
        <translation>The agency identity every template uses. One admin can keep several profiles.</translation>
    </message>
    <message>
        <source>Profil tersimpan</source>
        <translation>Saved profiles</translation>
    </message>
    <message>
        <source>Profil baru…</source>
        <translation>New profile…</translation>
    </message>
    <message>
        <source>Duplikat…</source>
        <translation>Duplicate…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Warna</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>Huruf</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <source>Akun media sosial</source>
        <translation>Social-media accounts</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Nama Pemda</source>
        <translation>Local government name</translation>
    </message>
    <message>
        <source>Nama OPD</source>
        <translation>Agency name</translation>
    </message>
    <message>
        <source>Singkatan OPD</source>
        <translation>Agency short name</translation>
    </message>
    <message>
        <source>Kota (dateline)</source>
        <translation>City (dateline)</translation>
    </message>
    <message>
        <source>Lambang Pemda</source>
        <translation>Local government emblem</translation>
    </message>
    <message>
        <source>Logo OPD</source>
        <translation>Agency logo</translation>
    </message>
    <message>
        <source>Huruf judul</source>
        <translation>Heading font</translation>
    </message>
    <message>
        <source>Huruf isi</source>
        <translation>Body font</translation>
    </message>
    <message>
        <source>Situs web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Slogan</source>
        <translation>Tagline</translation>
    </message>
    <message>
        <source>Tagar bawaan</source>
        <translation>Default hashtags</translation>
    </message>
    <message>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Kelompok tagar</source>
        <translation>Hashtag groups</translation>
    </message>
    <message>
        <source>Lencana</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>Warna utama</source>
        <translation>Primary colour</translation>
    </message>
    <message>
        <source>Warna kedua</source>
        <translation>Secondary colour</translation>
    </message>
    <message>
        <source>Warna aksen</source>
        <translation>Accent colour</translation>
    </message>
    <message>
        <source>Warna teks</source>
        <translation>Text colour</translation>
    </message>
    <message>
        <source>Warna terang</source>
        <translation>Light colour</translation>
    </message>
    <message>
        <source>Warna latar</source>
        <translation>Background colour</translation>
    </message>
    <message>
        <source>Tampilkan lencana ASN BerAKHLAK</source>
        <translation>Show the ASN BerAKHLAK badge</translation>
    </message>
    <message>
        <source>Tampilkan “Bangga Melayani Bangsa”</source>
        <translation>Show “Bangga Melayani Bangsa”</translation>
    </message>
    <message>
        <source>Satu kelompok per baris, contoh:
Resmi: #KabupatenContoh #DinasContoh
Kesehatan: #GermasContoh #HidupSehat</source>
        <translation>One group per line, for example:
Resmi: #KabupatenContoh #DinasContoh
Kesehatan: #GermasContoh #HidupSehat</translation>
    </message>
    <message>
        <source>Kelompok tagar bisa ditambahkan ke caption dengan satu klik.</source>
        <translation>A hashtag group can be added to a caption with one click.</translation>
    </message>
    <message>
        <source>Simpan dan pakai</source>
        <translation>Save and use</translation>
    </message>
    <message>
        <source>Ini profil contoh: {fields} masih berisi contoh. Ganti dengan identitas OPD Anda; konten dengan profil contoh tidak bisa diekspor.</source>
        <translation>This is the demo profile: {fields} still hold demo values. Replace them with your agency&apos;s identity; posts with the demo profile cannot be exported.</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Nama OPD wajib diisi.</source>
        <translation>The agency name is required.</translation>
    </message>
    <message>
        <source>Nama OPD untuk profil baru:</source>
        <translation>Agency name for the new profile:</translation>
    </message>
    <message>
        <source>Profil baru</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>Duplikat profil</source>
        <translation>Duplicate profile</translation>
    </message>
    <message>
        <source>{name} (salinan)</source>
        <translation>{name} (copy)</translation>
    </message>
    <message>
        <source>Hapus profil</source>
        <translation>Delete profile</translation>
    </message>
    <message>
        <source>Hapus profil “{name}”? Tindakan ini tidak dapat dibatalkan.</source>
        <translation>Delete the profile “{name}”? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>ProfileNames</name>
    <message>
        <source>nama Pemda</source>
        <translation>government name</translation>
    </message>
    <message>
        <source>kota</source>
        <translation>city</translation>
    </message>
    <message>
        <source>situs web</source>
        <translation>website</translation>
    </message>
    <message>
        <source>akun media sosial</source>
        <translation>social media accounts</translation>
    </message>
    <message>
        <source>tagar</source>
        <translation>hashtags</translation>
    </message>
    <message>
        <source>lambang Pemda</source>
        <translation>government emblem</translation>
    </message>
    <message>
        <source>logo OPD</source>
        <translation>agency logo</translation>
    </message>
    <message>
        <source>{name} (contoh)</source>
        <translation>{name} (demo)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>{template} · {formats} · {platforms} · {type}</source>
        <translation>{template} · {formats} · {platforms} · {type}</translation>
    </message>
    <message>
        <source>{n} gambar</source>
        <translation>{n} images</translation>
    </message>
    <message>
        <source>menyimpan…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <source>✖ Belum bisa diekspor: {error}</source>
        <translation>✖ Cannot be exported yet: {error}</translation>
    </message>
    <message>
        <source>✖ {format} tidak akan diekspor: {why}</source>
        <translation>✖ {format} will not be exported: {why}</translation>
    </message>
    <message>
        <source>⚠ {n} peringatan (arahkan kursor untuk membaca)</source>
        <translation>⚠ {n} warning(s) (hover to read)</translation>
    </message>
    <message>
        <source>✔ Siap diekspor</source>
        <translation>✔ Ready to export</translation>
    </message>
    <message>
        <source>✖ Gagal: {error}</source>
        <translation>✖ Failed: {error}</translation>
    </message>
    <message>
        <source>Antrean tidak bisa disimpan untuk lain kali: {error}</source>
        <translation>The queue could not be kept for next time: {error}</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Antrean ekspor</source>
        <translation>Export queue</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platforms</translation>
    </message>
    <message>
        <source>Jenis berkas</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>JPG untuk unggahan (kecil); PNG untuk dicetak atau disunting lagi.</source>
        <translation>JPG for uploading (small); PNG for printing or further editing.</translation>
    </message>
    <message>
        <source>Tambah ke antrean</source>
        <translation>Add to queue</translation>
    </message>
    <message>
        <source>Simpan potret konten ini (isi, format dan platform di atas) ke antrean</source>
        <translation>Put a snapshot of this post (content, formats and platforms above) in the queue</translation>
    </message>
    <message>
        <source>Ekspor konten ini…</source>
        <translation>Export this post…</translation>
    </message>
    <message>
        <source>Ekspor konten yang sedang disunting saja (Ctrl+E)</source>
        <translation>Export only the post being edited (Ctrl+E)</translation>
    </message>
    <message>
        <source>Naik</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Turun</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Pindahkan ke atas (urutan juga bisa diubah dengan menyeret)</source>
        <translation>Move up (you can also drag to reorder)</translation>
    </message>
    <message>
        <source>Pindahkan ke bawah</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Hapus dari antrean (berkas yang sudah diekspor tidak dihapus)</source>
        <translation>Remove from the queue (files already exported are not deleted)</translation>
    </message>
    <message>
        <source>Ekspor semua…</source>
        <translation>Export all…</translation>
    </message>
    <message>
        <source>Ekspor seluruh antrean ke satu folder (Ctrl+Shift+E)</source>
        <translation>Export the whole queue into one folder (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Antrean kosong. Isi konten, lalu klik “Tambah ke antrean”; ulangi untuk konten berikutnya.</source>
        <translation>The queue is empty. Fill in a post, then click “Add to queue”; repeat for the next post.</translation>
    </message>
    <message>
        <source>&amp;Ekspor konten ini…</source>
        <translation>&amp;Export this post…</translation>
    </message>
    <message>
        <source>Tambah ke &amp;antrean ekspor</source>
        <translation>Add to export &amp;queue</translation>
    </message>
    <message>
        <source>Ekspor semua &amp;antrean…</source>
        <translation>Export the whole &amp;queue…</translation>
    </message>
    <message>
        <source>Pilih minimal satu format.</source>
        <translation>Choose at least one format.</translation>
    </message>
    <message>
        <source>Pilih minimal satu platform.</source>
        <translation>Choose at least one platform.</translation>
    </message>
    <message>
        <source>{images} gambar + {captions} caption per konten.</source>
        <translation>{images} images + {captions} captions per post.</translation>
    </message>
    <message>
        <source>Pilih minimal satu format dan satu platform di panel Antrean.</source>
        <translation>Choose at least one format and one platform in the Queue panel.</translation>
    </message>
    <message>
        <source>Belum bisa diekspor: isi dulu {fields}.</source>
        <translation>Cannot export yet: fill in {fields} first.</translation>
    </message>
    <message>
        <source>{what} memakai profil contoh: {fields} masih berisi contoh, sehingga belum bisa diekspor.</source>
        <translation>{what} uses the demo profile: {fields} still hold demo values, so it cannot be exported yet.</translation>
    </message>
    <message>
        <source>Hapus konten itu dari antrean, pakai profil OPD Anda (menu Profil), lalu tambahkan lagi.</source>
        <translation>Remove those posts from the queue, use your agency&apos;s profile (Profile menu), then add them again.</translation>
    </message>
    <message>
        <source>Isi identitas OPD Anda lewat Profil ▸ Kelola profil… (atau pilih profil OPD Anda di menu Profil), lalu coba lagi.</source>
        <translation>Fill in your agency&apos;s identity in Profile ▸ Manage profiles… (or choose your agency&apos;s profile in the Profile menu), then try again.</translation>
    </message>
    <message>
        <source>Belum bisa diekspor: profil contoh.</source>
        <translation>Cannot export yet: demo profile.</translation>
    </message>
    <message>
        <source>Profil contoh</source>
        <translation>Demo profile</translation>
    </message>
    <message>
        <source>Tunggu ekspor selesai sebelum mengubah antrean.</source>
        <translation>Wait for the export to finish before changing the queue.</translation>
    </message>
    <message>
        <source>Konten ini</source>
        <translation>This post</translation>
    </message>
    <message>
        <source>Konten ini, dengan pilihan yang sama, sudah ada di antrean.</source>
        <translation>This post, with the same choices, is already in the queue.</translation>
    </message>
    <message>
        <source>Ditambahkan ke antrean: {label} ({n} konten).</source>
        <translation>Added to the queue: {label} ({n} posts).</translation>
    </message>
    <message>
        <source>Antrean ekspor dari sesi sebelumnya: {n} konten.</source>
        <translation>Export queue from the previous session: {n} posts.</translation>
    </message>
    <message>
        <source>Antrean kosong: tambahkan konten dengan “Tambah ke antrean”.</source>
        <translation>The queue is empty: add posts with “Add to queue”.</translation>
    </message>
    <message>
        <source>{n} konten di antrean ({labels})</source>
        <translation>{n} queued post(s) ({labels})</translation>
    </message>
    <message>
        <source>Antrean belum diekspor</source>
        <translation>Queue not exported</translation>
    </message>
    <message>
        <source>Antrean ekspor masih berisi {n} konten yang belum diekspor dan akan dikosongkan saat aplikasi ditutup. Tetap tutup?</source>
        <translation>The export queue still holds {n} posts that have not been exported; it is emptied when the app closes. Close anyway?</translation>
    </message>
    <message>
        <source>Ekspor sedang berjalan</source>
        <translation>Export in progress</translation>
    </message>
    <message>
        <source>Ekspor belum selesai. Batalkan ekspor dan tutup?</source>
        <translation>The export has not finished. Cancel it and close?</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Pulihkan draf</source>
        <translation>Recover drafts</translation>
    </message>
    <message>
        <source>Ada draf yang belum sempat disimpan</source>
        <translation>A draft was not saved</translation>
    </message>
    <message>
        <source>Ada {n} draf yang belum sempat disimpan</source>
        <translation>{n} drafts were not saved</translation>
    </message>
    <message>
        <source>KontenOPD tertutup tanpa sempat menyimpan (misalnya listrik padam atau komputer mati). Isian Anda tersimpan otomatis dan bisa dipulihkan.</source>
        <translation>KontenOPD closed before it could save (for example a power cut or the computer shutting down). Your work was saved automatically and can be recovered.</translation>
    </message>
    <message>
        <source>“Nanti” menyimpannya untuk dibuka kapan saja lewat Berkas ▸ Draf…</source>
        <translation>“Later” keeps it, to open any time from File ▸ Drafts…</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>dari berkas {name}</source>
        <translation>from the file {name}</translation>
    </message>
    <message>
        <source>belum pernah disimpan ke berkas</source>
        <translation>never saved to a file</translation>
    </message>
    <message>
        <source>{title}
Disimpan otomatis {when} · {where}</source>
        <translation>{title}
Autosaved {when} · {where}</translation>
    </message>
    <message>
        <source>Buang draf?</source>
        <translation>Discard draft?</translation>
    </message>
    <message>
        <source>Buang “{title}”? Isian yang belum disimpan ini akan hilang dan tidak bisa dikembalikan.</source>
        <translation>Discard “{title}”? This unsaved work will be lost and cannot be brought back.</translation>
    </message>
</context>
<context>
    <name>RowChecker</name>
    <message>
        <source>{format} tidak bisa diekspor: {why}</source>
        <translation>{format} cannot be exported: {why}</translation>
    </message>
</context>
<context>
    <name>RowResultsPanel</name>
    <message>
        <source>&amp;Hasil pemeriksaan per baris</source>
        <translation>C&amp;heck results per row</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Pratinjau postingan pertama</source>
        <translation>Preview of the first posts</translation>
    </message>
    <message>
        <source>Hasil di {folder}</source>
        <translation>Results in {folder}</translation>
    </message>
    <message>
        <source>Membaca {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>Memeriksa baris…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <source>… Memeriksa</source>
        <translation>… Checking</translation>
    </message>
    <message>
        <source>✔ OK</source>
        <translation>✔ OK</translation>
    </message>
    <message>
        <source>✔ Berhasil</source>
        <translation>✔ Done</translation>
    </message>
    <message>
        <source>⚠ Peringatan</source>
        <translation>⚠ Warning</translation>
    </message>
    <message>
        <source>✖ Gagal</source>
        <translation>✖ Failed</translation>
    </message>
    <message>
        <source>– Dibatalkan</source>
        <translation>– Cancelled</translation>
    </message>
    <message>
        <source>Pilih lembar kerja untuk melihat baris-barisnya di sini.</source>
        <translation>Choose a spreadsheet to see its rows here.</translation>
    </message>
    <message>
        <source>Tidak ada baris data di lembar ini.</source>
        <translation>This sheet has no data rows.</translation>
    </message>
    <message>
        <source>{posts} postingan akan dibuat; {failed} baris gagal.</source>
        <translation>{posts} posts will be made; {failed} rows failed.</translation>
    </message>
    <message>
        <source>{n} dengan peringatan.</source>
        <translation>{n} with warnings.</translation>
    </message>
    <message>
        <source>Memeriksa tata letak… ({n} lagi)</source>
        <translation>Checking the layouts… ({n} to go)</translation>
    </message>
    <message>
        <source>Pratinjau muncul di sini setelah baris diperiksa.</source>
        <translation>The preview appears here once the rows are checked.</translation>
    </message>
    <message>
        <source>Baris {rows}</source>
        <translation>Row {rows}</translation>
    </message>
</context>
<context>
    <name>RunPanel</name>
    <message>
        <source>&amp;Batal</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Hentikan: postingan yang sudah selesai tetap tersimpan</source>
        <translation>Stop: the posts already finished are kept</translation>
    </message>
    <message>
        <source>Buka &amp;Folder</source>
        <translation>Open &amp;Folder</translation>
    </message>
    <message>
        <source>Buka Lap&amp;oran</source>
        <translation>Open Re&amp;port</translation>
    </message>
    <message>
        <source>laporan.csv: status dan alasan tiap baris, bisa dibuka di Excel</source>
        <translation>laporan.csv: each row&apos;s status and reasons, opens in Excel</translation>
    </message>
    <message>
        <source>Buat &amp;Draf…</source>
        <translation>Create &amp;Drafts…</translation>
    </message>
    <message>
        <source>Simpan satu draf (.kontenopd) per postingan ke folder pilihan, untuk diperiksa dan disunting di aplikasi sebelum diekspor</source>
        <translation>Save one draft (.kontenopd) per post in a folder of your choice, to check and edit in the app before exporting</translation>
    </message>
    <message>
        <source>&amp;Ekspor Gambar…</source>
        <translation>&amp;Export Images…</translation>
    </message>
    <message>
        <source>Langsung ekspor gambar dan caption tiap postingan ke folder pilihan. Jenis berkas ({type}) dan platform ({platforms}) mengikuti pilihan di panel Antrean.</source>
        <translation>Export each post&apos;s images and captions straight into a folder of your choice. The file type ({type}) and platforms ({platforms}) are those chosen in the Queue panel.</translation>
    </message>
    <message>
        <source>Gambar belum bisa diekspor: profil yang dipakai masih profil contoh ({fields} masih berisi contoh). Isi identitas OPD Anda lewat Profil ▸ Kelola profil…, atau pilih “Buat Draf…” dulu.</source>
        <translation>Images cannot be exported yet: the profile in use is still the demo profile ({fields} still hold the example). Fill in your office&apos;s identity in Profile ▸ Manage profiles…, or choose “Create Drafts…” first.</translation>
    </message>
    <message>
        <source>Pilih folder untuk draf</source>
        <translation>Choose a folder for the drafts</translation>
    </message>
    <message>
        <source>Pilih folder tujuan ekspor</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <source>Menyiapkan…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>{done} dari {total}: {message}</source>
        <translation>{done} of {total}: {message}</translation>
    </message>
    <message>
        <source>Membatalkan… menunggu postingan yang sedang dibuat.</source>
        <translation>Cancelling… waiting for the post being made.</translation>
    </message>
    <message>
        <source>Yang sudah selesai tetap tersimpan.</source>
        <translation>What was finished is kept.</translation>
    </message>
    <message>
        <source>Tidak bisa dibuka di komputer ini. Letaknya: {path}</source>
        <translation>Cannot be opened on this computer. It is here: {path}</translation>
    </message>
</context>
<context>
    <name>SheetChooser</name>
    <message>
        <source>Lembar kerja:</source>
        <translation>Spreadsheet:</translation>
    </message>
    <message>
        <source>Belum dipilih — klik “Pilih Lembar…” atau seret berkas CSV/XLSX ke jendela ini</source>
        <translation>None chosen yet — click “Choose Sheet…” or drag a CSV/XLSX file onto this window</translation>
    </message>
    <message>
        <source>&amp;Pilih Lembar…</source>
        <translation>&amp;Choose Sheet…</translation>
    </message>
    <message>
        <source>Buka berkas Excel (XLSX/XLS), LibreOffice (ODS) atau CSV</source>
        <translation>Open an Excel (XLSX/XLS), LibreOffice (ODS) or CSV file</translation>
    </message>
    <message>
        <source>&amp;Templat:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <source>&amp;Unduh Contoh…</source>
        <translation>Do&amp;wnload Example…</translation>
    </message>
    <message>
        <source>Simpan lembar contoh dengan kolom yang tepat untuk templat ini, untuk diisi di Excel</source>
        <translation>Save an example sheet with the right columns for this template, to fill in in Excel</translation>
    </message>
    <message>
        <source>Satu baris lembar = satu postingan. Belum punya lembar? Unduh contoh untuk templat ini, isi di Excel, simpan, lalu pilih di sini.</source>
        <translation>One sheet row = one post. No sheet yet? Download the example for this template, fill it in in Excel, save it, then choose it here.</translation>
    </message>
    <message>
        <source>{file} — lembar “{sheet}”</source>
        <translation>{file} — sheet “{sheet}”</translation>
    </message>
    <message>
        <source>Pilih lembar kerja</source>
        <translation>Choose a spreadsheet</translation>
    </message>
    <message>
        <source>Lembar kerja ({patterns});;Semua berkas (*)</source>
        <translation>Spreadsheets ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>Simpan contoh lembar</source>
        <translation>Save the example sheet</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx);;CSV, dipisah titik koma (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV, semicolon-separated (*.csv)</translation>
    </message>
    <message>
        <source>Contoh tidak tersimpan</source>
        <translation>Example not saved</translation>
    </message>
    <message>
        <source>Contoh lembar disimpan: {path}. Isi di Excel, simpan, lalu pilih dengan “Pilih Lembar…”.</source>
        <translation>Example sheet saved: {path}. Fill it in in Excel, save it, then choose it with “Choose Sheet…”.</translation>
    </message>
</context>
<context>
    <name>TemplateGallery</name>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Terakhir dipakai</source>
        <translation>Recently used</translation>
    </message>
    <message>
        <source>Templat</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Cari templat…</source>
        <translation>Search templates…</translation>
    </message>
    <message>
        <source>Cari templat</source>
        <translation>Search templates</translation>
    </message>
    <message>
        <source>Tampilkan hanya satu jenis konten</source>
        <translation>Show only one kind of content</translation>
    </message>
</context>
<context>
    <name>TitleEditor</name>
    <message>
        <source>{n} karakter; judul ini sebaiknya paling banyak {max} karakter.</source>
        <translation>{n} characters; this title should have at most {max} characters.</translation>
    </message>
</context>
<context>
    <name>UnsavedChangesDialog</name>
    <message>
        <source>Jangan Simpan</source>
        <translation>Don&apos;t Save</translation>
    </message>
    <message>
        <source>Simpan perubahan?</source>
        <translation>Save changes?</translation>
    </message>
    <message>
        <source>Perubahan pada “{name}” belum disimpan. Simpan dulu?</source>
        <translation>The changes to “{name}” have not been saved. Save them first?</translation>
    </message>
</context>
</TS>
