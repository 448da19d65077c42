/**
 * A stand-in database with transactions, to show a request-scoped dependency with cleanup: the
 * transaction commits after a successful response and rolls back when the handler fails.
 */
import { Inject, Injectable, dependency } from '@decorumjs/decorum';

export class Transaction {
  readonly writes: string[] = [];
  state: 'open' | 'committed' | 'rolled back' = 'open';

  constructor(readonly id: number) {}

  write(entry: string): void {
    this.writes.push(entry);
  }
}

@Injectable()
export class Database {
  /** Every transaction ever opened, in order: what tests and the /audit route look at. */
  readonly transactions: Transaction[] = [];
  connected = false;

  async onInit(): Promise<void> {
    this.connected = true;
  }

  async onShutdown(): Promise<void> {
    this.connected = false;
  }

  begin(): Transaction {
    const tx = new Transaction(this.transactions.length + 1);
    this.transactions.push(tx);
    return tx;
  }
}

/** One transaction per request: yielded to the handler, committed or rolled back after the response. */
export const transaction = dependency({
  name: 'transaction',
  inject: [Inject(Database)],
  async *use(db: Database) {
    const tx = db.begin();
    try {
      yield tx;
      tx.state = 'committed';
    } catch (error) {
      tx.state = 'rolled back';
      throw error;
    }
  },
});
