package io.securityinfo;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application makes (a random id, another row's id) rather than the database. It is new
 * until stored, and says so: saving it inserts it, without reading first whether a row has its id.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

	@Transient
	private boolean stored;

	@Override
	public boolean isNew() {
		return !stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		stored = true;
	}

}
