// artist.contract-end-due → the artist becomes inactive.
import { endContract } from "@/lib/artists/end-contract";
import { contractEndDue } from "@/lib/events/definitions";
import { defineHandler } from "@/worker/handler";

export const endContractHandler = defineHandler({
  event: contractEndDue,
  handle: async (payload, { applyOnce }) => {
    await applyOnce((tx) => endContract(tx, payload.artistId, payload.contractDueDate).then(() => undefined));
  },
});
