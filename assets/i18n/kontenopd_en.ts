<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>EditorForm</name>
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
    <message>
        <source>Berkas ini bukan gambar yang bisa dibaca.</source>
        <translation>This file is not a readable image.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Profil: {name}</source>
        <translation>Profile: {name}</translation>
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
        <source>Konten baru dimulai.</source>
        <translation>New content started.</translation>
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
        <source>Foto (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;Semua berkas (*)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)</translation>
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
        <source>{n} dari {max} foto. Klik pratinjau untuk memilih titik fokus, atau seret foto di dalam bingkainya.</source>
        <translation>{n} of {max} photos. Click the preview to choose the focal point, or drag the photo inside its frame.</translation>
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
        <source>{fmt} ({hint}), {w}×{h} piksel</source>
        <translation>{fmt} ({hint}), {w}×{h} pixels</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Pratinjau gagal dibuat: {error}</source>
        <translation>The preview could not be made: {error}</translation>
    </message>
    <message>
        <source>✓ Tidak ada peringatan untuk format {fmt}.</source>
        <translation>✓ No warnings for the {fmt} format.</translation>
    </message>
    <message>
        <source>Klik untuk menjadikan titik ini pusat foto; seret untuk menggeser foto di dalam bingkainya.</source>
        <translation>Click to make this point the centre of the photo; drag to move the photo inside its frame.</translation>
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
    <name>ProfileDialog</name>
    <message>
        <source>Profil OPD (brand kit)</source>
        <translation>Agency profile (brand kit)</translation>
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
        <source>#KabupatenContoh #DinasContoh</source>
        <translation>#KabupatenContoh #DinasContoh</translation>
    </message>
    <message>
        <source>Simpan dan pakai</source>
        <translation>Save and use</translation>
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
    <name>TemplateGallery</name>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
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
</TS>
