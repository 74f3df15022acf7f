package io.vantaechonebula.pool.statistics;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of a statistic: the processor that keeps it, what it is about, and its name. */
public class StatisticKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String processor;
    private String subject;
    private String name;

    public StatisticKey() {
    }

    public StatisticKey(String processor, String subject, String name) {
        this.processor = processor;
        this.subject = subject;
        this.name = name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatisticKey key && processor.equals(key.processor) && subject.equals(key.subject)
                && name.equals(key.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(processor, subject, name);
    }
}
