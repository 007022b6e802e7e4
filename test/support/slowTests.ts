// Contract and end-to-end tests start Prism and real n8n processes; each test may take minutes.
jest.setTimeout(Number(process.env.ONESIGNAL_TEST_TIMEOUT_MS ?? 600_000));
