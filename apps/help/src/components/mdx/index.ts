// The components every article may use without importing them (their names: ./names.ts).
import AddOnOptions from "@cirrus/ui/components/AddOnOptions.astro";
import Callout from "@cirrus/ui/components/Callout.astro";
import CriticalityLevels from "@cirrus/ui/components/CriticalityLevels.astro";
import HolidayList from "@cirrus/ui/components/HolidayList.astro";
import LifecycleDays from "@cirrus/ui/components/LifecycleDays.astro";
import ServiceLevels from "@cirrus/ui/components/ServiceLevels.astro";
import SlaExamples from "@cirrus/ui/components/SlaExamples.astro";
import SupportContact from "@cirrus/ui/components/SupportContact.astro";
import SupportHours from "@cirrus/ui/components/SupportHours.astro";
import SupportOfferText from "@cirrus/ui/components/SupportOfferText.astro";
import SupportTable from "@cirrus/ui/components/SupportTable.astro";
import type { articleComponentNames } from "./names.ts";
import OpenRequestButton from "./OpenRequestButton.astro";

type Component = typeof SupportTable;

export const mdxComponents: Readonly<Record<(typeof articleComponentNames)[number], Component>> = {
  AddOnOptions,
  Callout,
  CriticalityLevels,
  HolidayList,
  LifecycleDays,
  OpenRequestButton,
  ServiceLevels,
  SlaExamples,
  SupportContact,
  SupportHours,
  SupportOfferText,
  SupportTable,
};
