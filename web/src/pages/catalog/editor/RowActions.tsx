import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useT } from '../../../i18n';

/** Move up / move down / remove buttons for one row of an editable list. */
export function RowActions(props: {
  index: number;
  count: number;
  disabled?: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  const t = useT();
  const { index, count, disabled } = props;
  return (
    <Space size={0}>
      <Tooltip title={t('common.moveUp')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={t('common.moveUp')}
          disabled={disabled || index === 0}
          onClick={() => props.onMove(index, index - 1)}
        />
      </Tooltip>
      <Tooltip title={t('common.moveDown')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={t('common.moveDown')}
          disabled={disabled || index === count - 1}
          onClick={() => props.onMove(index, index + 1)}
        />
      </Tooltip>
      <Tooltip title={t('common.remove')}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.remove')}
          disabled={disabled}
          onClick={() => props.onRemove(index)}
        />
      </Tooltip>
    </Space>
  );
}
