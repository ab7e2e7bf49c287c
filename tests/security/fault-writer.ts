// Files information requests in a loop through the real service until killed (the "kill the app mid-write" fault of
// tests/e2e/faults.spec.ts). Run as: tsx --conditions=react-server tests/security/fault-writer.ts <member email>
import { db } from "@/lib/db";
import { fileInformationRequest } from "@/lib/requests/information";
import { viewerFor } from "./matrix-records";

const member = await viewerFor(process.argv[2] ?? "patricia.lunt@wigan.example");
const service = await db().service.findFirstOrThrow({
  where: { councilId: member.council.id, chiefOfficerId: { not: null } },
});
for (let i = 0; ; i++) {
  await fileInformationRequest(
    member,
    {
      kind: "INFORMATION",
      subject: `Fault writer ${i}`,
      details: "Written in a loop until the process is killed.",
      serviceId: service.id,
      category: "GENERAL",
      thirdPartyData: false,
      councilRoleDeclared: true,
      concernsAnotherMember: false,
      concernedMemberIds: [],
      sharingAgreed: false,
      needToKnowGrounds: "",
      classification: "GENERAL_ENQUIRY",
    },
    { now: new Date() },
  );
  if (i === 0) console.log("writing");
}
