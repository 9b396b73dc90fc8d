package org.titlecert.filing.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.titlecert.filing.TableReader;

/** The roster reader, for other lists people upload: the same formats, limits and errors. */
@Component(service = TableReader.class, configurationPid = FilingRegistryConfig.PID)
public class TableFiles implements TableReader {

    private volatile long maxInflated;

    @Activate
    @Modified
    void configure(FilingRegistryConfig config) {
        maxInflated = config.maxRosterInflatedMb() * 1024L * 1024L;
    }

    @Override
    public Table read(byte[] content, int maxRows) {
        RosterTable t = new RosterReader(maxRows, maxInflated).read(content);
        return new Table(t.header().stream().map(h -> h == null ? "" : h.strip()).toList(),
                t.rows().stream().map(l -> new Line(l.row(), l.cells())).toList());
    }
}
