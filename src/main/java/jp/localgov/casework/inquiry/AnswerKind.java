package jp.localgov.casework.inquiry;

/** An interim answer (when the final one takes longer) or the final answer. */
public enum AnswerKind {

	INTERIM, FINAL

}
