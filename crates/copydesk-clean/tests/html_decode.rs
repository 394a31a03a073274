//! Pages in legacy encodings and inputs that are not pages at all.

use copydesk_clean::{CleanError, Cleaner, decode};

#[test]
fn windows_1252_page_decodes_by_its_meta_charset() {
    let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>\
        <body><article><p>Le caf\xe9 \xe9tait ferm\xe9 \xe0 cause de la gr\xe8ve \x97 \xabincroyable\xbb, a dit le patron \
        du caf\xe9, qui attend la fin du mouvement.</p></article></body></html>";
    let doc = Cleaner::new().clean(page).unwrap();
    assert!(doc.text.contains("Le café était fermé à cause de la grève — «incroyable»"), "{}", doc.text);
}

#[test]
fn shift_jis_page_decodes_by_its_meta_charset() {
    // "東京都は新しい予算案を発表した。" in Shift_JIS.
    let sentence: &[u8] = b"\x93\x8c\x8b\x9e\x93\x73\x82\xcd\x90\x56\x82\xb5\x82\xa2\x97\x5c\x8e\x5a\x88\xc4\x82\xf0\x94\xad\x95\x5c\x82\xb5\x82\xbd\x81\x42";
    let mut page =
        b"<html><head><meta charset=\"Shift_JIS\"><title>t</title></head><body><article><p>".to_vec();
    for _ in 0..4 {
        page.extend_from_slice(sentence);
    }
    page.extend_from_slice(b"</p></article></body></html>");
    let doc = Cleaner::new().clean(&page).unwrap();
    assert!(doc.text.contains("東京都は新しい予算案を発表した。"), "{}", doc.text);
    assert_eq!(doc.meta.lang.as_deref(), Some("ja"));
}

#[test]
fn undeclared_shift_jis_page_is_detected() {
    let sentence: &[u8] = b"\x93\x8c\x8b\x9e\x93\x73\x82\xcd\x90\x56\x82\xb5\x82\xa2\x97\x5c\x8e\x5a\x88\xc4\x82\xf0\x94\xad\x95\x5c\x82\xb5\x82\xbd\x81\x42";
    let mut page = b"<html><body><p>".to_vec();
    for _ in 0..8 {
        page.extend_from_slice(sentence);
    }
    page.extend_from_slice(b"</p></body></html>");
    assert!(decode(&page).unwrap().contains("予算案を発表した"));
}

#[test]
fn png_is_reported_as_binary() {
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10";
    assert_eq!(Cleaner::new().clean(png).unwrap_err(), CleanError::Binary { kind: "PNG image" });
}

#[test]
fn random_control_bytes_are_binary() {
    let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 31) as u8 + 1).collect();
    assert!(matches!(Cleaner::new().clean(&noise), Err(CleanError::Binary { .. })));
}

#[test]
fn invalid_utf8_plain_text_is_an_error_not_a_guess() {
    let err = Cleaner::new().clean(b"Caf\xe9 society met on Tuesday.").unwrap_err();
    assert_eq!(err, CleanError::InvalidUtf8 { offset: 3 });
    assert!(err.to_string().contains("byte 3"));
}

#[test]
fn empty_and_blank_inputs_are_empty() {
    assert_eq!(Cleaner::new().clean(b"").unwrap_err(), CleanError::Empty);
    assert_eq!(Cleaner::new().clean(b"\r\n  \t").unwrap_err(), CleanError::Empty);
}
