import { expect, type Locator, type Page } from "@playwright/test";

/** A workout's own page: every source's record, why they are one workout, and the person's corrections. */
export class WorkoutPage {
  constructor(readonly page: Page) {
    // Corrections ask for confirmation first; the person says yes.
    page.on("dialog", (dialog) => void dialog.accept());
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  records(): Locator {
    return this.page.getByRole("list", { name: "Records" }).getByRole("listitem");
  }

  /** The record a source contributed, found by the source's display name. */
  record(sourceName: string): Locator {
    return this.records().filter({ has: this.page.getByText(sourceName, { exact: true }) });
  }

  reason(sourceName: string): Locator {
    return this.record(sourceName).getByTestId("match-reason");
  }

  async splitOff(sourceName: string) {
    await this.record(sourceName).getByRole("button", { name: "Not the same workout" }).click();
    await expect(this.record(sourceName)).toHaveCount(0);
  }

  nearby(name: string): Locator {
    return this.page.getByRole("list", { name: "Nearby workouts" }).getByRole("listitem").filter({ hasText: name });
  }

  async mergeWith(name: string, sourceName: string) {
    const other = this.nearby(name).filter({ hasText: sourceName });
    await other.getByRole("button", { name: "Same workout" }).click();
    await expect(other).toHaveCount(0);
  }

  async letPierreDecide() {
    await this.page.getByRole("button", { name: "Let Pierre decide" }).click();
    await expect(this.page.getByRole("button", { name: "Let Pierre decide" })).toHaveCount(0);
  }

  /** A chart of one series (heartRate, pace, speed, altitude, cadence, power), drawn once the samples arrive. */
  chart(series: string): Locator {
    return this.page.getByTestId(`chart-${series}`);
  }

  routeMap(): Locator {
    return this.page.getByTestId("route-map");
  }

  /** The route drawn on the map (an SVG path), with or without tiles under it. */
  routeOutline(): Locator {
    return this.routeMap().locator("path.route-outline");
  }

  streamsSource(): Locator {
    return this.page.getByTestId("streams-source");
  }

  /** One row of the side-by-side table: the shown value, where it came from, and each source's value. */
  field(label: string): Locator {
    return this.page.getByRole("table", { name: "Fields of this workout by source" }).getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: label, exact: true }) });
  }
}
