export default function afterPack(context: unknown): Promise<void>;
