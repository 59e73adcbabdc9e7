package jp.localgov.casework.platform.cases;

/** A kind of case staff search for, with its name in Japanese and English. */
public record CaseKind(String code, String labelJa, String labelEn) {

}
