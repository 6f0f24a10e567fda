import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { listPromotionsSchema, type ListPromotionsInput } from "../../schemas/promotions";
import { requireRole, type Ctx } from "../context";
import { db } from "../db";
import { parseInput } from "../errors";
import { REQUEST_SELECT, toSummary, type RequestSummaryDto } from "./request-rows";

export type PromotionListItem = RequestSummaryDto & {
  shelf: { slug: string; title: string };
  checks: { pass: number; fail: number; noData: number; overridden: number };
};

export type PromotionListDto = { items: PromotionListItem[]; page: number; pageSize: number; total: number };

type StoredCheck = { verdict?: string; overridden?: boolean };

/** Promotion requests, newest first, paged on the server; pending ones or decided ones or all. */
export async function listPromotionRequests({ ctx, input }: { ctx: Ctx; input: ListPromotionsInput }): Promise<PromotionListDto> {
  requireRole(ctx, "read");
  const data = parseInput(listPromotionsSchema, input);
  const where: Prisma.PromotionRequestWhereInput = {
    ...(data.status === "pending" ? { status: "pending" as const } : data.status === "decided" ? { status: { not: "pending" as const } } : {}),
    ...(data.model ? { model: { name: data.model } } : {}),
  };
  const [rows, total] = await Promise.all([
    db().promotionRequest.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (data.page - 1) * data.pageSize,
      take: data.pageSize,
      select: { ...REQUEST_SELECT, model: { select: { name: true, shelf: { select: { slug: true, title: true } } } } },
    }),
    db().promotionRequest.count({ where }),
  ]);
  const items = rows.map((row) => {
    const checks = (Array.isArray(row.checks) ? row.checks : []) as StoredCheck[];
    return {
      ...toSummary(row),
      shelf: row.model.shelf,
      checks: {
        pass: checks.filter((c) => c.verdict === "pass").length,
        fail: checks.filter((c) => c.verdict === "fail").length,
        noData: checks.filter((c) => c.verdict === "no_data").length,
        overridden: checks.filter((c) => c.overridden).length,
      },
    };
  });
  return { items, page: data.page, pageSize: data.pageSize, total };
}
