/**
 * Issue 10 item 13: office.js looks the ribbon's handler up when the button's message arrives
 * (Association.prototype.associate, office.debug.js line 1353), possibly before Office.onReady
 * resolves: the handler is registered when commands.js is evaluated, not inside onReady.
 */
describe("the ribbon command's registration", () => {
  it("associates checkActiveSheet at the top level, even if onReady never resolves", () => {
    const associate = jest.fn<void, [string, unknown]>();
    const office = {
      actions: { associate },
      onReady: () => new Promise(() => undefined),
    };
    (globalThis as unknown as { Office: unknown }).Office = office;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated after the Office stub is in place
        require("../../src/commands/commands");
      });
      expect(associate).toHaveBeenCalledTimes(1);
      expect(associate.mock.calls[0]![0]).toBe("checkActiveSheet");
    } finally {
      delete (globalThis as unknown as { Office?: unknown }).Office;
    }
  });
});
