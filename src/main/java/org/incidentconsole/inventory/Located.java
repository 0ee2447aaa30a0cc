package org.incidentconsole.inventory;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A value read from the inventory together with where it stood in the file (1-based). */
@JsonDeserialize(using = LocatedDeserializer.class)
record Located<T>(T value, int line, int column) {
}
