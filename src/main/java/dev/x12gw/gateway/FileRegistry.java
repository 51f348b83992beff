package dev.x12gw.gateway;

import dev.x12gw.store.Database;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Camel idempotent repository {@code fileRegistry} over the {@code intake_file} table, keyed by
 * file content (SHA-256). Keys are written by the intake itself (with the file's data and records),
 * never separately, and a file counts as taken in only once it is finished (not {@code READING}):
 * so a crash can neither skip a file nor record one that was not stored, and a file whose reading
 * was interrupted is taken again and resumed. Use it with {@code eager: false}.
 */
public final class FileRegistry extends ServiceSupport implements IdempotentRepository {
  private final Database database;

  public FileRegistry(Database database) {
    this.database = database;
  }

  @Override
  public boolean contains(String sha256) {
    try (Connection c = database.dataSource().getConnection()) {
      return IntakeFiles.find(c, sha256).filter(k -> !k.reading()).isPresent();
    } catch (SQLException e) {
      throw new StoreException("cannot look up intake file", e);
    }
  }

  /** Called on completion: the intake transaction already recorded the key. */
  @Override
  public boolean add(String sha256) {
    return !contains(sha256);
  }

  /** Keys are facts of the store and are not removed when a later step fails. */
  @Override
  public boolean remove(String sha256) {
    return false;
  }

  @Override
  public boolean confirm(String sha256) {
    return true;
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException("intake history is not cleared through Camel");
  }
}
