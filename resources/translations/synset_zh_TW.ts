<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>ControlsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="149"/>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="150"/>
        <source>Camera</source>
        <translation>攝影機</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="151"/>
        <source>Resolution</source>
        <translation>解析度</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="152"/>
        <source>Play a video file instead…</source>
        <translation>改為播放影片檔…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="153"/>
        <source>Mirror (M)</source>
        <translation>鏡像 (M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="154"/>
        <source>Freeze (Space)</source>
        <translation>凍結畫面 (空白鍵)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="155"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="156"/>
        <source>Open model…</source>
        <translation>開啟模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="157"/>
        <source>Open labels…</source>
        <translation>開啟標籤…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="158"/>
        <source>Run on</source>
        <translation>執行裝置</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="159"/>
        <source>GPU adapter</source>
        <translation>GPU 介面卡</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="160"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="161"/>
        <source>Preprocessing</source>
        <translation>前處理</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="162"/>
        <source>Normalisation</source>
        <translation>正規化</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="163"/>
        <source>Channel order</source>
        <translation>通道順序</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="164"/>
        <source>Resize</source>
        <translation>縮放</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="165"/>
        <source>Use model default</source>
        <translation>使用模型預設值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="166"/>
        <source>Display</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="167"/>
        <source>Smooth the bars</source>
        <translation>平滑長條圖</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="168"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="170"/>
        <location filename="../../desktop_app/gui/controls.py" line="195"/>
        <source>Auto (best that works)</source>
        <translation>自動（最佳可用裝置）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="214"/>
        <source>%1 (model)</source>
        <translation>%1（模型預設）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="262"/>
        <source>✓ Model default</source>
        <translation>✓ 模型預設值</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="262"/>
        <source>Changed from the model default</source>
        <translation>與模型預設值不同</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="275"/>
        <source>No camera found</source>
        <translation>找不到攝影機</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/controls.py" line="277"/>
        <source>Pick a camera</source>
        <translation>選擇攝影機</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="10"/>
        <source>Open pictures</source>
        <translation>開啟圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="11"/>
        <source>Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)</source>
        <translation>圖片 (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="15"/>
        <source>Open a folder of pictures</source>
        <translation>開啟圖片資料夾</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="18"/>
        <source>Open an ONNX classifier</source>
        <translation>開啟 ONNX 分類模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="19"/>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="23"/>
        <source>Open a label file</source>
        <translation>開啟標籤檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="24"/>
        <source>Labels (*.txt *.json)</source>
        <translation>標籤檔 (*.txt *.json)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="28"/>
        <source>Play a video file</source>
        <translation>播放影片檔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="29"/>
        <source>Videos (*.mp4 *.avi *.mov *.mkv *.webm *.m4v *.wmv)</source>
        <translation>影片 (*.mp4 *.avi *.mov *.mkv *.webm *.m4v *.wmv)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="33"/>
        <source>Save screenshot</source>
        <translation>儲存螢幕截圖</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="34"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 圖片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="38"/>
        <source>Export results</source>
        <translation>匯出結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/dialogs.py" line="39"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
</context>
<context>
    <name>LatencyPanel</name>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="99"/>
        <source>Latency: waiting for the first result</source>
        <translation>延遲：等待第一個結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="103"/>
        <source>Decode %1 ms · Preprocess %2 ms · Inference %3 ms · Postprocess %4 ms</source>
        <translation>解碼 %1 ms · 前處理 %2 ms · 推論 %3 ms · 後處理 %4 ms</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="109"/>
        <source>Camera %1 fps · Inference %2 fps · Dropped %3</source>
        <translation>攝影機 %1 fps · 推論 %2 fps · 捨棄 %3 個影格</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="113"/>
        <source>Frame to result: p50 %1 ms · p95 %2 ms</source>
        <translation>影格到結果：p50 %1 ms · p95 %2 ms</translation>
    </message>
</context>
<context>
    <name>LiveSession</name>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="66"/>
        <source>No camera found</source>
        <translation>找不到攝影機</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="78"/>
        <source>Frozen</source>
        <translation>已凍結</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="87"/>
        <source>Opening %1…</source>
        <translation>正在開啟 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="106"/>
        <source>Playing %1 at %2 fps</source>
        <translation>正在播放 %1（%2 fps）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/live.py" line="128"/>
        <source>Camera &apos;%1&apos; was unplugged</source>
        <translation>攝影機「%1」已拔除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="166"/>
        <source>Drop pictures, a folder or an .onnx model here — or pick a camera on the left.
Ctrl+O opens pictures, Ctrl+V pastes one, F11 is presenter mode.</source>
        <translation>將圖片、資料夾或 .onnx 模型拖放到這裡 — 或在左側選擇攝影機。
Ctrl+O 開啟圖片，Ctrl+V 貼上圖片，F11 切換簡報模式。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="169"/>
        <source>Frozen</source>
        <translation>已凍結</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="170"/>
        <source>No prediction yet</source>
        <translation>尚無預測結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="213"/>
        <source>The model could not be used: %1</source>
        <translation>無法使用此模型：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="239"/>
        <source>Not found: %1</source>
        <translation>找不到：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="241"/>
        <source>No pictures in that folder</source>
        <translation>該資料夾中沒有圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="337"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="339"/>
        <source>Could not save %1</source>
        <translation>無法儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="345"/>
        <source>%1 %2 — see what a camera or a picture contains.</source>
        <translation>%1 %2 — 看看攝影機畫面或圖片裡有什麼。</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/main_window.py" line="395"/>
        <source>Only files on this computer can be opened (nothing is downloaded)</source>
        <translation>只能開啟這台電腦上的檔案（不會下載任何內容）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/app.py" line="117"/>
        <source>Unexpected error: %1 (details in %2)</source>
        <translation>發生未預期的錯誤：%1（詳細資訊請見 %2）</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/app.py" line="120"/>
        <source>Something went wrong, but the app keeps running.

%1

Details were written to %2</source>
        <translation>發生錯誤，但應用程式仍在執行。

%1

詳細資訊已寫入 %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/automation.py" line="46"/>
        <source>No camera or video matches &apos;%1&apos;</source>
        <translation>沒有符合「%1」的攝影機或影片</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="53"/>
        <source>&amp;Open pictures…</source>
        <translation>開啟圖片(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="54"/>
        <source>Open a &amp;folder…</source>
        <translation>開啟資料夾(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="55"/>
        <source>Open &amp;model…</source>
        <translation>開啟模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="56"/>
        <source>Open &amp;labels…</source>
        <translation>開啟標籤(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="57"/>
        <source>Play a &amp;video file…</source>
        <translation>播放影片檔(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="58"/>
        <source>&amp;Paste picture</source>
        <translation>貼上圖片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="59"/>
        <source>Save &amp;screenshot…</source>
        <translation>儲存螢幕截圖(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="60"/>
        <source>&amp;Export results as CSV…</source>
        <translation>將結果匯出為 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="61"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="62"/>
        <source>&amp;Presenter mode</source>
        <translation>簡報模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="63"/>
        <source>Leave presenter mode</source>
        <translation>離開簡報模式</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="64"/>
        <source>&amp;Freeze frame</source>
        <translation>凍結畫面(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="65"/>
        <source>&amp;Mirror</source>
        <translation>鏡像(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="66"/>
        <source>&amp;Next camera</source>
        <translation>下一台攝影機(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="67"/>
        <source>Open pictures</source>
        <translation>開啟圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="68"/>
        <source>&amp;About Synset</source>
        <translation>關於 Synset(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="72"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="73"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/menus.py" line="74"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
</context>
<context>
    <name>ModelInfoLabel</name>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="65"/>
        <source>No model loaded</source>
        <translation>尚未載入模型</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="70"/>
        <source>Input: %1×%2 %3 %4</source>
        <translation>輸入：%1×%2 %3 %4</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="72"/>
        <source>Preprocessing: %1, %2, %3</source>
        <translation>前處理：%1、%2、%3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="74"/>
        <source>Output: %1</source>
        <translation>輸出：%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="74"/>
        <source>probabilities</source>
        <translation>機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="75"/>
        <source>logits → softmax</source>
        <translation>logits → softmax</translation>
    </message>
</context>
<context>
    <name>PictureSession</name>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="56"/>
        <source>Pasted picture</source>
        <translation>貼上的圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="58"/>
        <source>The clipboard holds no picture</source>
        <translation>剪貼簿中沒有圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="64"/>
        <source>Nothing to export yet</source>
        <translation>目前沒有可匯出的結果</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="72"/>
        <source>Could not save %1</source>
        <translation>無法儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="74"/>
        <source>Saved %1</source>
        <translation>已儲存 %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/pictures.py" line="94"/>
        <source>%1 of %2 pictures could not be read</source>
        <translation>%2 張圖片中有 %1 張無法讀取</translation>
    </message>
</context>
<context>
    <name>ProviderBadge</name>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="37"/>
        <source>Loading model…</source>
        <translation>正在載入模型…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="41"/>
        <source>Running on %1</source>
        <translation>在 %1 上執行</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/info_panel.py" line="46"/>
        <source>Fell back: %1</source>
        <translation>已改用備援：%1</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="56"/>
        <source>Picture</source>
        <translation>圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="56"/>
        <source>Top class</source>
        <translation>最可能類別</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="56"/>
        <source>Probability</source>
        <translation>機率</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="57"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="58"/>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="59"/>
        <source>%v of %m pictures</source>
        <translation>%v / %m 張圖片</translation>
    </message>
    <message>
        <location filename="../../desktop_app/gui/results_panel.py" line="62"/>
        <location filename="../../desktop_app/gui/results_panel.py" line="82"/>
        <source>Error: %1</source>
        <translation>錯誤：%1</translation>
    </message>
</context>
</TS>
