import { systemCtx } from "../../server/context";
import { verifyAuditChain } from "../../server/audit-log/verify-audit-chain";
import { CliError } from "../cli-error";
import { withDatabase } from "../database";

/** `shelfwatch audit verify`: exit 0 when the chain holds, 1 naming the first broken event. */
export async function auditCommand(args: string[]): Promise<number> {
  if (args[0] !== "verify") throw new CliError("Usage: shelfwatch audit verify");
  return withDatabase(async () => {
    const verdict = await verifyAuditChain({ ctx: systemCtx("cli") });
    if (verdict.ok) {
      console.log(`Audit log intact: ${verdict.checked} event(s) verified.`);
      return 0;
    }
    const b = verdict.brokenAt;
    console.log(`Audit log BROKEN at event #${b.id} (${b.action}, ${b.createdAt}): ${b.reason}. ${verdict.checked} event(s) before it verified.`);
    return 1;
  });
}
