/**
 * Loading and validating the knowledge base. {@link dev.lbtriage.kb.load.KnowledgeBaseLoader} reads
 * {@code index.yaml} and the symptom files it lists (from the classpath or a folder) through
 * Jackson's streaming YAML parser into a small tree that remembers lines, then builds the records
 * of {@code dev.lbtriage.kb.model}. Files are untrusted input: sizes and nesting are bounded,
 * nothing is bound polymorphically, unknown fields are errors. Every problem (syntax, unknown
 * field, missing field, duplicate id, dangling question, unknown fact or placeholder) is collected
 * and reported together as {@code file:line: what is wrong}.
 */
package dev.lbtriage.kb.load;
