package io.vantaechonebula.pool.audit;

import io.vantaechonebula.pool.api.AuditView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One audited action. */
@Entity
@Table(name = "pool_audit")
@NamedQuery(name = AuditRecord.NEWEST, query = "SELECT a FROM AuditRecord a ORDER BY a.id DESC")
public class AuditRecord {

    static final String NEWEST = "AuditRecord.newest";
    static final int MAX_DETAIL = 500;

    @Id
    @SequenceGenerator(name = "pool_audit_id", sequenceName = "pool_audit_id", allocationSize = 10)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pool_audit_id")
    private long id;

    @Column(name = "at_ms", nullable = false)
    private long atMs;

    @Column(length = 64, nullable = false)
    private String actor;

    @Column(length = 64)
    private String address;

    @Column(length = 40, nullable = false)
    private String action;

    @Column(length = 128, nullable = false)
    private String subject;

    @Column(length = MAX_DETAIL)
    private String detail;

    protected AuditRecord() {
    }

    AuditRecord(long atMs, String actor, String address, String action, String subject, String detail) {
        this.atMs = atMs;
        this.actor = cut(actor, 64);
        this.address = address == null ? null : cut(address, 64);
        this.action = action;
        this.subject = cut(subject, 128);
        this.detail = detail == null ? null : cut(detail, MAX_DETAIL);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    AuditView toView() {
        return new AuditView(id, atMs, actor, address, action, subject, detail);
    }
}
