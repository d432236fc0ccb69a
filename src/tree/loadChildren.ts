// Loads one level of the tree. A failure becomes an error item with a retry (never a dialog), an
// empty level says so, and the rest of the tree keeps working.
import { ErrorNode, MessageNode } from './messageNodes';
import type { TreeContext, TreeNode } from './treeNode';

export async function levelOrMessage(
  context: TreeContext,
  parent: TreeNode | undefined,
  what: string,
  emptyMessage: string,
  load: () => Promise<TreeNode[]>,
): Promise<TreeNode[]> {
  try {
    const children = await load();
    return children.length ? children : [new MessageNode(parent, emptyMessage)];
  } catch (error) {
    return [failedLevel(context, parent, what, error)];
  }
}

export function failedLevel(context: TreeContext, parent: TreeNode | undefined, what: string, error: unknown): ErrorNode {
  const node = new ErrorNode(parent, what, error);
  context.log.warn(`Could not load ${what} under ${parent?.id ?? 'the root'}: ${node.reason}`);
  return node;
}
