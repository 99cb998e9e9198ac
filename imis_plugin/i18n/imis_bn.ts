<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bn">
  <context>
    <name>Imis</name>
    <message>
      <source>Automatic: in PostGIS when every input is a table of the same PostGIS database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Both give the same answer; PostGIS is much faster on city-size data.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Cancelled: the outputs are incomplete.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Computed in (postgis or native)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Computed in PostGIS (push-down).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Computed in QGIS (native path).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In QGIS only (native path)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Where to compute</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImisCompat</name>
    <message>
      <source>As an administrator you can upgrade it now (IMIS &gt; Upgrade database).</source>
      <translation>প্রশাসক হিসেবে আপনি এখনই এটি হালনাগাদ করতে পারেন (IMIS &gt; ডাটাবেস হালনাগাদ)।</translation>
    </message>
    <message>
      <source>Ask an IMIS administrator to upgrade it; until then IMIS leaves it untouched.</source>
      <translation>একজন IMIS প্রশাসককে এটি হালনাগাদ করতে বলুন; ততক্ষণ IMIS এতে কোনো পরিবর্তন করবে না।</translation>
    </message>
    <message>
      <source>This database holds no IMIS schema yet.</source>
      <translation>এই ডাটাবেসে এখনো কোনো IMIS স্কিমা নেই।</translation>
    </message>
    <message>
      <source>This database is at an older schema revision; this IMIS plugin needs revision {}.</source>
      <translation>এই ডাটাবেস পুরনো স্কিমা সংস্করণে আছে; এই IMIS প্লাগইনের প্রয়োজন সংস্করণ {}।</translation>
    </message>
    <message>
      <source>This database is at schema revision {} but this IMIS plugin needs revision {}.</source>
      <translation>এই ডাটাবেস স্কিমা সংস্করণ {}-এ আছে, কিন্তু এই IMIS প্লাগইনের প্রয়োজন সংস্করণ {}।</translation>
    </message>
    <message>
      <source>This database is at schema revision {}, newer than this IMIS plugin knows (revision {}): update the IMIS plugin.</source>
      <translation>এই ডাটাবেস স্কিমা সংস্করণ {}-এ আছে, যা এই IMIS প্লাগইনের জানা সংস্করণের ({}) চেয়ে নতুন: IMIS প্লাগইন হালনাগাদ করুন।</translation>
    </message>
  </context>
  <context>
    <name>ImisDashboard</name>
    <message>
      <source>All providers</source>
      <translation>সকল সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>All time</source>
      <translation>সব সময়</translation>
    </message>
    <message>
      <source>All wards</source>
      <translation>সকল ওয়ার্ড</translation>
    </message>
    <message>
      <source>Applications</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Applications and emptyings per month</source>
      <translation>মাসভিত্তিক আবেদন ও খালিকরণ</translation>
    </message>
    <message>
      <source>Applications from buildings in low-income communities / applications.</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠীর ভবন থেকে আবেদন / মোট আবেদন।</translation>
    </message>
    <message>
      <source>Applications of the period that were emptied / applications of the period.</source>
      <translation>সময়কালের যে আবেদনগুলোর খালিকরণ হয়েছে / সময়কালের মোট আবেদন।</translation>
    </message>
    <message>
      <source>Cannot compute the figures: {}</source>
      <translation>সংখ্যাগুলো হিসাব করা গেল না: {}</translation>
    </message>
    <message>
      <source>Cannot select: {}</source>
      <translation>নির্বাচন করা গেল না: {}</translation>
    </message>
    <message>
      <source>Click a figure or a bar to select the records behind it.</source>
      <translation>কোনো সংখ্যা বা স্তম্ভে ক্লিক করলে এর পেছনের রেকর্ডগুলো নির্বাচিত হবে।</translation>
    </message>
    <message>
      <source>Click to select {}.</source>
      <translation>{} নির্বাচন করতে ক্লিক করুন।</translation>
    </message>
    <message>
      <source>Customer satisfaction</source>
      <translation>গ্রাহক সন্তুষ্টি</translation>
    </message>
    <message>
      <source>Disposed (m³)</source>
      <translation>নিষ্কাশিত (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Emptied (m³)</source>
      <translation>খালিকৃত (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Emptying applications received in the period (cancelled ones excluded).</source>
      <translation>সময়কালে পাওয়া খালিকরণের আবেদন (বাতিলগুলো বাদে)।</translation>
    </message>
    <message>
      <source>Emptyings</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>Emptyings of the period with a disposal at a treatment plant / emptyings.</source>
      <translation>শোধনাগারে নিষ্কাশনসহ সময়কালের খালিকরণ / মোট খালিকরণ।</translation>
    </message>
    <message>
      <source>Faecal sludge management</source>
      <translation>মলবর্জ্য ব্যবস্থাপনা (এফএসএম)</translation>
    </message>
    <message>
      <source>Feedback saying the crew wore protective equipment / feedback that answered.</source>
      <translation>কর্মীরা সুরক্ষা সরঞ্জাম পরেছিলেন বলে মতামত / উত্তর দেওয়া মতামত।</translation>
    </message>
    <message>
      <source>IMIS service dashboard</source>
      <translation>IMIS সেবা ড্যাশবোর্ড</translation>
    </message>
    <message>
      <source>Last 12 months</source>
      <translation>গত ১২ মাস</translation>
    </message>
    <message>
      <source>Last 30 days</source>
      <translation>গত ৩০ দিন</translation>
    </message>
    <message>
      <source>Low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Mean days from application to emptying, for the applications emptied.</source>
      <translation>খালিকৃত আবেদনের ক্ষেত্রে আবেদন থেকে খালিকরণ পর্যন্ত গড় দিন।</translation>
    </message>
    <message>
      <source>Mean satisfaction score (1-5) of the feedback of the period.</source>
      <translation>সময়কালের মতামতের গড় সন্তুষ্টি স্কোর (১-৫)।</translation>
    </message>
    <message>
      <source>PPE compliance</source>
      <translation>সুরক্ষা সরঞ্জাম (পিপিই) ব্যবহার</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>হালনাগাদ করুন</translation>
    </message>
    <message>
      <source>Response efficiency</source>
      <translation>সাড়া দেওয়ার দক্ষতা</translation>
    </message>
    <message>
      <source>Response time</source>
      <translation>সাড়া দেওয়ার সময়</translation>
    </message>
    <message>
      <source>Safe disposal</source>
      <translation>নিরাপদ নিষ্কাশন</translation>
    </message>
    <message>
      <source>Service stream (holding tax, water and solid waste join when their modules exist)</source>
      <translation>সেবার ধারা (হোল্ডিং কর, পানি ও কঠিন বর্জ্য তাদের মডিউল চালু হলে যুক্ত হবে)</translation>
    </message>
    <message>
      <source>Sludge delivered</source>
      <translation>শোধনাগারে পৌঁছানো স্লাজ</translation>
    </message>
    <message>
      <source>Sludge emptied and disposed</source>
      <translation>খালিকৃত ও নিষ্কাশিত স্লাজ</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>এই মাস</translation>
    </message>
    <message>
      <source>This quarter</source>
      <translation>এই ত্রৈমাসিক</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>এই বছর</translation>
    </message>
    <message>
      <source>Volume disposed at plants / volume emptied, for the emptyings of the period.</source>
      <translation>শোধনাগারে নিষ্কাশিত পরিমাণ / খালিকৃত পরিমাণ, সময়কালের খালিকরণের জন্য।</translation>
    </message>
    <message>
      <source>applications from low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠীর আবেদন</translation>
    </message>
    <message>
      <source>applications not emptied yet</source>
      <translation>যে আবেদনের খালিকরণ এখনো হয়নি</translation>
    </message>
    <message>
      <source>applications that were emptied</source>
      <translation>যে আবেদনের খালিকরণ হয়েছে</translation>
    </message>
    <message>
      <source>emptyings not fully delivered to a plant</source>
      <translation>যে খালিকরণের স্লাজ পুরোপুরি শোধনাগারে পৌঁছায়নি</translation>
    </message>
    <message>
      <source>emptyings without a disposal</source>
      <translation>নিষ্কাশনহীন খালিকরণ</translation>
    </message>
    <message>
      <source>feedback saying the crew wore no protective equipment</source>
      <translation>কর্মীরা সুরক্ষা সরঞ্জাম পরেননি বলে মতামত</translation>
    </message>
    <message>
      <source>feedback scoring below 4</source>
      <translation>৪-এর নিচে স্কোরের মতামত</translation>
    </message>
    <message>
      <source>n = {:g}</source>
      <translation>n = {:g}</translation>
    </message>
    <message>
      <source>no application of the period was emptied</source>
      <translation>সময়কালের কোনো আবেদনের খালিকরণ হয়নি</translation>
    </message>
    <message>
      <source>no applications in the period</source>
      <translation>সময়কালে কোনো আবেদন নেই</translation>
    </message>
    <message>
      <source>no emptyings in the period</source>
      <translation>সময়কালে কোনো খালিকরণ নেই</translation>
    </message>
    <message>
      <source>no feedback in the period</source>
      <translation>সময়কালে কোনো মতামত নেই</translation>
    </message>
    <message>
      <source>target {} {}</source>
      <translation>লক্ষ্য {} {}</translation>
    </message>
    <message>
      <source>the applications of the period</source>
      <translation>সময়কালের আবেদনগুলো</translation>
    </message>
    <message>
      <source>{:.1f} days</source>
      <translation>{:.1f} দিন</translation>
    </message>
    <message>
      <source>{:g} of {:g}</source>
      <translation>{1:g}-এর মধ্যে {0:g}</translation>
    </message>
    <message>
      <source>{} buildings behind this figure; open the IMIS project to see them on the map.</source>
      <translation>এই সংখ্যার পেছনে {}টি ভবন; মানচিত্রে দেখতে IMIS প্রকল্প খুলুন।</translation>
    </message>
    <message>
      <source>{} buildings selected.</source>
      <translation>{}টি ভবন নির্বাচিত।</translation>
    </message>
  </context>
  <context>
    <name>ImisDesktop</name>
    <message>
      <source>Build a QGIS project with every IMIS layer, style, form and relation</source>
      <translation>সব IMIS লেয়ার, স্টাইল, ফর্ম ও সম্পর্কসহ একটি QGIS প্রকল্প তৈরি করুন</translation>
    </message>
    <message>
      <source>Cannot reach the IMIS database: {}</source>
      <translation>IMIS ডাটাবেসে পৌঁছানো যাচ্ছে না: {}</translation>
    </message>
    <message>
      <source>Create IMIS project…</source>
      <translation>IMIS প্রকল্প তৈরি করুন…</translation>
    </message>
    <message>
      <source>Creating the IMIS project</source>
      <translation>IMIS প্রকল্প তৈরি হচ্ছে</translation>
    </message>
    <message>
      <source>Creating the IMIS project… (progress and cancel in the task bar)</source>
      <translation>IMIS প্রকল্প তৈরি হচ্ছে… (অগ্রগতি ও বাতিল টাস্ক বারে)</translation>
    </message>
    <message>
      <source>FSM service figures against their targets</source>
      <translation>লক্ষ্যের তুলনায় এফএসএম সেবার সংখ্যা</translation>
    </message>
    <message>
      <source>Find a building, holding, owner or containment and see its whole record (Ctrl+Alt+I)</source>
      <translation>ভবন, হোল্ডিং, মালিক বা কন্টেইনমেন্ট খুঁজুন এবং এর সম্পূর্ণ রেকর্ড দেখুন (Ctrl+Alt+I)</translation>
    </message>
    <message>
      <source>IMIS</source>
      <translation>IMIS</translation>
    </message>
    <message>
      <source>IMIS project opened: {} layers, {} relations.</source>
      <translation>IMIS প্রকল্প খোলা হয়েছে: {}টি লেয়ার, {}টি সম্পর্ক।</translation>
    </message>
    <message>
      <source>One-ID explorer</source>
      <translation>ওয়ান-আইডি অনুসন্ধান</translation>
    </message>
    <message>
      <source>QGIS projects (*.qgz)</source>
      <translation>QGIS প্রকল্প (*.qgz)</translation>
    </message>
    <message>
      <source>Save the IMIS project as</source>
      <translation>IMIS প্রকল্প সংরক্ষণ করুন</translation>
    </message>
    <message>
      <source>Service dashboard</source>
      <translation>সেবা ড্যাশবোর্ড</translation>
    </message>
    <message>
      <source>The IMIS project was not created: {}</source>
      <translation>IMIS প্রকল্প তৈরি হয়নি: {}</translation>
    </message>
    <message>
      <source>The dashboard needs matplotlib in QGIS's Python: {}</source>
      <translation>ড্যাশবোর্ডের জন্য QGIS-এর পাইথনে matplotlib দরকার: {}</translation>
    </message>
    <message>
      <source>Upgrade…</source>
      <translation>হালনাগাদ…</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>বাতিল করা হয়েছে</translation>
    </message>
    <message>
      <source>{} layers are read-only for your role.</source>
      <translation>আপনার ভূমিকার জন্য {}টি লেয়ার শুধু পড়ার যোগ্য।</translation>
    </message>
  </context>
  <context>
    <name>ImisForms</name>
    <message>
      <source>A building may hold several tax holdings; open a holding to see or change its owner.</source>
      <translation>একটি ভবনে একাধিক কর হোল্ডিং থাকতে পারে; মালিক দেখতে বা বদলাতে হোল্ডিংটি খুলুন।</translation>
    </message>
    <message>
      <source>A cancel reason is only for cancelled applications</source>
      <translation>বাতিলের কারণ শুধু বাতিল আবেদনের জন্য</translation>
    </message>
    <message>
      <source>A containment may serve several buildings.</source>
      <translation>একটি কন্টেইনমেন্ট একাধিক ভবনকে সেবা দিতে পারে।</translation>
    </message>
    <message>
      <source>A photo before and after emptying, taken on site (stored next to the project, under DCIM/).</source>
      <translation>খালিকরণের আগে ও পরে সাইটে তোলা ছবি (প্রকল্পের পাশে DCIM/ ফোল্ডারে রাখা হয়)।</translation>
    </message>
    <message>
      <source>Access notes</source>
      <translation>প্রবেশ সংক্রান্ত মন্তব্য</translation>
    </message>
    <message>
      <source>Access road width (m)</source>
      <translation>প্রবেশ সড়কের প্রস্থ (মিটার)</translation>
    </message>
    <message>
      <source>Accessible</source>
      <translation>প্রবেশযোগ্য</translation>
    </message>
    <message>
      <source>Accessible for emptying</source>
      <translation>খালিকরণের জন্য প্রবেশযোগ্য</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>সক্রিয়</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>ঠিকানা</translation>
    </message>
    <message>
      <source>An application needs a building or a holding</source>
      <translation>আবেদনে একটি ভবন বা হোল্ডিং থাকতে হবে</translation>
    </message>
    <message>
      <source>Annual value (BDT)</source>
      <translation>বার্ষিক মূল্য (টাকা)</translation>
    </message>
    <message>
      <source>Application</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Application number</source>
      <translation>আবেদন নম্বর</translation>
    </message>
    <message>
      <source>Applied on</source>
      <translation>আবেদনের তারিখ</translation>
    </message>
    <message>
      <source>Ask the customer after the emptying: 1 = very unhappy, 5 = very happy.</source>
      <translation>খালিকরণের পর গ্রাহককে জিজ্ঞেস করুন: ১ = খুবই অসন্তুষ্ট, ৫ = খুবই সন্তুষ্ট।</translation>
    </message>
    <message>
      <source>Assessed by</source>
      <translation>মূল্যায়নকারী</translation>
    </message>
    <message>
      <source>Assessed on</source>
      <translation>মূল্যায়নের তারিখ</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>মূল্যায়ন</translation>
    </message>
    <message>
      <source>BIN</source>
      <translation>বিআইএন (ভবন নম্বর)</translation>
    </message>
    <message>
      <source>BOD (mg/l)</source>
      <translation>বিওডি (মি.গ্রা./লি.)</translation>
    </message>
    <message>
      <source>Boundary</source>
      <translation>সীমানা</translation>
    </message>
    <message>
      <source>Building (BIN)</source>
      <translation>ভবন (বিআইএন)</translation>
    </message>
    <message>
      <source>Building name</source>
      <translation>ভবনের নাম</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings served</source>
      <translation>সেবাপ্রাপ্ত ভবন</translation>
    </message>
    <message>
      <source>Built on</source>
      <translation>নির্মাণের তারিখ</translation>
    </message>
    <message>
      <source>COD (mg/l)</source>
      <translation>সিওডি (মি.গ্রা./লি.)</translation>
    </message>
    <message>
      <source>Cancellation</source>
      <translation>বাতিল</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>বাতিল</translation>
    </message>
    <message>
      <source>Capacity (m³)</source>
      <translation>ধারণক্ষমতা (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Capacity (m³/day)</source>
      <translation>ধারণক্ষমতা (ঘনমিটার/দিন)</translation>
    </message>
    <message>
      <source>Caretaker</source>
      <translation>তত্ত্বাবধায়ক</translation>
    </message>
    <message>
      <source>Caretaker phone</source>
      <translation>তত্ত্বাবধায়কের ফোন</translation>
    </message>
    <message>
      <source>Carrying width (m)</source>
      <translation>চলাচলযোগ্য প্রস্থ (মিটার)</translation>
    </message>
    <message>
      <source>Choose the functional use before the use category</source>
      <translation>ব্যবহারের শ্রেণির আগে কার্যগত ব্যবহার বেছে নিন</translation>
    </message>
    <message>
      <source>Choose the functional use first: the use categories offered depend on it.</source>
      <translation>আগে কার্যগত ব্যবহার বেছে নিন: ব্যবহারের শ্রেণিগুলো এর ওপর নির্ভর করে।</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>কোড</translation>
    </message>
    <message>
      <source>Comments</source>
      <translation>মন্তব্য</translation>
    </message>
    <message>
      <source>Commissioned</source>
      <translation>চালুর তারিখ</translation>
    </message>
    <message>
      <source>Community toilets used</source>
      <translation>ব্যবহৃত কমিউনিটি টয়লেট</translation>
    </message>
    <message>
      <source>Confirmed by (caretaker)</source>
      <translation>নিশ্চিতকারী (তত্ত্বাবধায়ক)</translation>
    </message>
    <message>
      <source>Construction year</source>
      <translation>নির্মাণ বছর</translation>
    </message>
    <message>
      <source>Construction year must be between 1800 and 2100</source>
      <translation>নির্মাণ বছর ১৮০০ থেকে ২১০০-এর মধ্যে হতে হবে</translation>
    </message>
    <message>
      <source>Contact person</source>
      <translation>যোগাযোগের ব্যক্তি</translation>
    </message>
    <message>
      <source>Containment</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containment type</source>
      <translation>কন্টেইনমেন্টের ধরন</translation>
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Coordinate reference system (SRID)</source>
      <translation>স্থানাঙ্ক ব্যবস্থা (SRID)</translation>
    </message>
    <message>
      <source>Cost (BDT)</source>
      <translation>খরচ (টাকা)</translation>
    </message>
    <message>
      <source>Cover</source>
      <translation>ঢাকনা</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>তৈরির সময়</translation>
    </message>
    <message>
      <source>Crew</source>
      <translation>কর্মী দল</translation>
    </message>
    <message>
      <source>Crew wore protective equipment</source>
      <translation>কর্মীরা সুরক্ষা সরঞ্জাম পরেছিলেন</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>গ্রাহক</translation>
    </message>
    <message>
      <source>Customer gender</source>
      <translation>গ্রাহকের লিঙ্গ</translation>
    </message>
    <message>
      <source>Customer name</source>
      <translation>গ্রাহকের নাম</translation>
    </message>
    <message>
      <source>Customer phone</source>
      <translation>গ্রাহকের ফোন</translation>
    </message>
    <message>
      <source>Database login</source>
      <translation>ডাটাবেস লগইন</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>তারিখ</translation>
    </message>
    <message>
      <source>Depth (m)</source>
      <translation>গভীরতা (মিটার)</translation>
    </message>
    <message>
      <source>Diameter (m)</source>
      <translation>ব্যাস (মিটার)</translation>
    </message>
    <message>
      <source>Diameter (mm)</source>
      <translation>ব্যাস (মিলিমিটার)</translation>
    </message>
    <message>
      <source>Disposal</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Disposals</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Disposed on</source>
      <translation>নিষ্কাশনের তারিখ</translation>
    </message>
    <message>
      <source>Drain</source>
      <translation>ড্রেন</translation>
    </message>
    <message>
      <source>Drinking water source</source>
      <translation>খাবার পানির উৎস</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>ই-মেইল</translation>
    </message>
    <message>
      <source>E. coli (CFU/100 ml)</source>
      <translation>ই. কোলাই (CFU/১০০ মি.লি.)</translation>
    </message>
    <message>
      <source>Each delivery of this sludge to a treatment plant.</source>
      <translation>এই স্লাজ শোধনাগারে পৌঁছানোর প্রতিটি চালান।</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>জরুরি</translation>
    </message>
    <message>
      <source>Employee</source>
      <translation>কর্মচারী</translation>
    </message>
    <message>
      <source>Emptied on</source>
      <translation>খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Emptying</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>Emptying applications</source>
      <translation>খালিকরণের আবেদন</translation>
    </message>
    <message>
      <source>Emptying applications for this building, newest last. Open one to see its assessment, emptying, disposal and feedback.</source>
      <translation>এই ভবনের খালিকরণের আবেদন, নতুনগুলো শেষে। মূল্যায়ন, খালিকরণ, নিষ্কাশন ও মতামত দেখতে একটি খুলুন।</translation>
    </message>
    <message>
      <source>Emptying method</source>
      <translation>খালিকরণ পদ্ধতি</translation>
    </message>
    <message>
      <source>Entered the plant</source>
      <translation>শোধনাগারে প্রবেশ</translation>
    </message>
    <message>
      <source>Estimated cost (BDT)</source>
      <translation>আনুমানিক খরচ (টাকা)</translation>
    </message>
    <message>
      <source>Everyone who worked on this emptying.</source>
      <translation>এই খালিকরণে যাঁরা কাজ করেছেন।</translation>
    </message>
    <message>
      <source>Fee (BDT)</source>
      <translation>ফি (টাকা)</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>মতামত</translation>
    </message>
    <message>
      <source>Feedback on</source>
      <translation>মতামতের তারিখ</translation>
    </message>
    <message>
      <source>Female population</source>
      <translation>নারী জনসংখ্যা</translation>
    </message>
    <message>
      <source>Female users</source>
      <translation>নারী ব্যবহারকারী</translation>
    </message>
    <message>
      <source>Find the building by its BIN (or pick it on the map) and its containment; a holding alone is enough when the building is not mapped yet.</source>
      <translation>বিআইএন দিয়ে ভবন খুঁজুন (বা মানচিত্রে বেছে নিন) এবং এর কন্টেইনমেন্ট; ভবন মানচিত্রে না থাকলে শুধু হোল্ডিংই যথেষ্ট।</translation>
    </message>
    <message>
      <source>Finished</source>
      <translation>শেষ</translation>
    </message>
    <message>
      <source>Floors</source>
      <translation>তলা</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>পুরো নাম</translation>
    </message>
    <message>
      <source>Functional use</source>
      <translation>কার্যগত ব্যবহার</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>লিঙ্গ</translation>
    </message>
    <message>
      <source>Geometry</source>
      <translation>জ্যামিতি</translation>
    </message>
    <message>
      <source>Handwashing facility</source>
      <translation>হাত ধোয়ার ব্যবস্থা</translation>
    </message>
    <message>
      <source>Hint</source>
      <translation>পরামর্শ</translation>
    </message>
    <message>
      <source>Holding</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holding code</source>
      <translation>হোল্ডিং কোড</translation>
    </message>
    <message>
      <source>Holding code: use the standard form XX-XXX-XXXX-XX (ward-zone-holding-extension), or tick “Legacy code”</source>
      <translation>হোল্ডিং কোড: আদর্শ রূপ XX-XXX-XXXX-XX (ওয়ার্ড-জোন-হোল্ডিং-সম্প্রসারণ) ব্যবহার করুন, অথবা “পুরনো কোড” টিক দিন</translation>
    </message>
    <message>
      <source>Holdings</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holdings and owners</source>
      <translation>হোল্ডিং ও মালিক</translation>
    </message>
    <message>
      <source>House number</source>
      <translation>বাড়ি নম্বর</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>খানা</translation>
    </message>
    <message>
      <source>Identification</source>
      <translation>পরিচিতি</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png)</source>
      <translation>ছবি (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>In use</source>
      <translation>ব্যবহৃত হচ্ছে</translation>
    </message>
    <message>
      <source>Joined</source>
      <translation>যোগদান</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>ধরন</translation>
    </message>
    <message>
      <source>Kind of city</source>
      <translation>শহরের ধরন</translation>
    </message>
    <message>
      <source>Label (Bangla)</source>
      <translation>নাম (বাংলা)</translation>
    </message>
    <message>
      <source>Label (English)</source>
      <translation>নাম (ইংরেজি)</translation>
    </message>
    <message>
      <source>Last changed</source>
      <translation>সর্বশেষ পরিবর্তন</translation>
    </message>
    <message>
      <source>Last changed by</source>
      <translation>সর্বশেষ পরিবর্তনকারী</translation>
    </message>
    <message>
      <source>Last emptied</source>
      <translation>সর্বশেষ খালিকরণ</translation>
    </message>
    <message>
      <source>Last emptied date and count are updated by recorded emptyings; change them by hand only for history from before IMIS.</source>
      <translation>সর্বশেষ খালিকরণের তারিখ ও সংখ্যা রেকর্ড করা খালিকরণ থেকে হালনাগাদ হয়; শুধু IMIS-এর আগের ইতিহাসের জন্য হাতে বদলান।</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>বিদায়</translation>
    </message>
    <message>
      <source>Left the plant</source>
      <translation>শোধনাগার ত্যাগ</translation>
    </message>
    <message>
      <source>Legacy code</source>
      <translation>পুরনো কোড</translation>
    </message>
    <message>
      <source>Length (m)</source>
      <translation>দৈর্ঘ্য (মিটার)</translation>
    </message>
    <message>
      <source>Licence number</source>
      <translation>লাইসেন্স নম্বর</translation>
    </message>
    <message>
      <source>Licence valid until</source>
      <translation>লাইসেন্সের মেয়াদ</translation>
    </message>
    <message>
      <source>Lining</source>
      <translation>আস্তরণ</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>অবস্থান</translation>
    </message>
    <message>
      <source>Low-income community</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Male population</source>
      <translation>পুরুষ জনসংখ্যা</translation>
    </message>
    <message>
      <source>Male users</source>
      <translation>পুরুষ ব্যবহারকারী</translation>
    </message>
    <message>
      <source>Menstrual hygiene facility</source>
      <translation>মাসিক স্বাস্থ্যবিধির ব্যবস্থা</translation>
    </message>
    <message>
      <source>More</source>
      <translation>আরও</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>নাম</translation>
    </message>
    <message>
      <source>Name (Bangla)</source>
      <translation>নাম (বাংলা)</translation>
    </message>
    <message>
      <source>National ID</source>
      <translation>জাতীয় পরিচয়পত্র</translation>
    </message>
    <message>
      <source>Next emptying due</source>
      <translation>পরবর্তী খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>মন্তব্য</translation>
    </message>
    <message>
      <source>Number of pits</source>
      <translation>গর্তের সংখ্যা</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>পরিচালনাকারী</translation>
    </message>
    <message>
      <source>Other population</source>
      <translation>অন্যান্য জনসংখ্যা</translation>
    </message>
    <message>
      <source>Outlet treatment plant</source>
      <translation>নির্গমনের শোধনাগার</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>মালিক</translation>
    </message>
    <message>
      <source>People</source>
      <translation>জনসংখ্যা</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>ফোন</translation>
    </message>
    <message>
      <source>Photo after</source>
      <translation>পরের ছবি</translation>
    </message>
    <message>
      <source>Photo before</source>
      <translation>আগের ছবি</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>ছবি</translation>
    </message>
    <message>
      <source>Plant type</source>
      <translation>শোধনাগারের ধরন</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>জনসংখ্যা</translation>
    </message>
    <message>
      <source>Population = female + male + other. Leave a count empty when it was not asked, not 0.</source>
      <translation>জনসংখ্যা = নারী + পুরুষ + অন্যান্য। যে সংখ্যা জিজ্ঞেস করা হয়নি তা ফাঁকা রাখুন, ০ নয়।</translation>
    </message>
    <message>
      <source>Population must equal female + male + other population</source>
      <translation>জনসংখ্যা অবশ্যই নারী + পুরুষ + অন্যান্য জনসংখ্যার সমান হবে</translation>
    </message>
    <message>
      <source>Proposed emptying date</source>
      <translation>প্রস্তাবিত খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Reachable by an emptying vehicle</source>
      <translation>খালিকরণের গাড়ি পৌঁছাতে পারে</translation>
    </message>
    <message>
      <source>Reason for cancelling</source>
      <translation>বাতিলের কারণ</translation>
    </message>
    <message>
      <source>Receipt number</source>
      <translation>রসিদ নম্বর</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>রেকর্ড</translation>
    </message>
    <message>
      <source>Record ID</source>
      <translation>রেকর্ড আইডি</translation>
    </message>
    <message>
      <source>Record the sanitation system of the building's toilets; link the containments the building uses below.</source>
      <translation>ভবনের টয়লেটের স্যানিটেশন ব্যবস্থা লিখুন; ভবনটি যে কন্টেইনমেন্ট ব্যবহার করে তা নিচে যুক্ত করুন।</translation>
    </message>
    <message>
      <source>Registration number</source>
      <translation>নিবন্ধন নম্বর</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>মন্তব্য</translation>
    </message>
    <message>
      <source>Requested emptying date</source>
      <translation>অনুরোধকৃত খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>Respondent gender</source>
      <translation>উত্তরদাতার লিঙ্গ</translation>
    </message>
    <message>
      <source>Road</source>
      <translation>সড়ক</translation>
    </message>
    <message>
      <source>Road hierarchy</source>
      <translation>সড়কের শ্রেণি</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>ভূমিকা</translation>
    </message>
    <message>
      <source>Rule “{rule}” is not met</source>
      <translation>“{rule}” নিয়ম মানা হয়নি</translation>
    </message>
    <message>
      <source>Sample date</source>
      <translation>নমুনার তারিখ</translation>
    </message>
    <message>
      <source>Sanitation system</source>
      <translation>স্যানিটেশন ব্যবস্থা</translation>
    </message>
    <message>
      <source>Satisfaction (1-5)</source>
      <translation>সন্তুষ্টি (১-৫)</translation>
    </message>
    <message>
      <source>Satisfaction is a score from 1 (poor) to 5 (excellent)</source>
      <translation>সন্তুষ্টি ১ (খারাপ) থেকে ৫ (চমৎকার) পর্যন্ত একটি স্কোর</translation>
    </message>
    <message>
      <source>Scheduled programme</source>
      <translation>নির্ধারিত কর্মসূচি</translation>
    </message>
    <message>
      <source>Seats for men</source>
      <translation>পুরুষদের আসন</translation>
    </message>
    <message>
      <source>Seats for women</source>
      <translation>নারীদের আসন</translation>
    </message>
    <message>
      <source>Separate for women</source>
      <translation>নারীদের জন্য আলাদা</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>সেবা</translation>
    </message>
    <message>
      <source>Service provider</source>
      <translation>সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>সেবা</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>তীব্রতা</translation>
    </message>
    <message>
      <source>Sewer</source>
      <translation>সুয়ারেজ লাইন</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>আকার</translation>
    </message>
    <message>
      <source>Size (mm)</source>
      <translation>আকার (মিলিমিটার)</translation>
    </message>
    <message>
      <source>Sludge of one emptying delivered to a treatment plant; the plant's caretaker confirms the volume.</source>
      <translation>একটি খালিকরণের স্লাজ শোধনাগারে পৌঁছানো হয়েছে; শোধনাগারের তত্ত্বাবধায়ক পরিমাণ নিশ্চিত করেন।</translation>
    </message>
    <message>
      <source>Sludge volume (m³)</source>
      <translation>স্লাজের পরিমাণ (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Sort order</source>
      <translation>ক্রম</translation>
    </message>
    <message>
      <source>Standard code XX-XXX-XXXX-XX (ward-zone-holding-extension); tick Legacy code for an old number that does not fit.</source>
      <translation>আদর্শ কোড XX-XXX-XXXX-XX (ওয়ার্ড-জোন-হোল্ডিং-সম্প্রসারণ); যে পুরনো নম্বর মেলে না তার জন্য “পুরনো কোড” টিক দিন।</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>শুরু</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>অবস্থা</translation>
    </message>
    <message>
      <source>Structure</source>
      <translation>কাঠামো</translation>
    </message>
    <message>
      <source>Surface</source>
      <translation>উপরিতল</translation>
    </message>
    <message>
      <source>Surveyed on</source>
      <translation>জরিপের তারিখ</translation>
    </message>
    <message>
      <source>TSS (mg/l)</source>
      <translation>টিএসএস (মি.গ্রা./লি.)</translation>
    </message>
    <message>
      <source>Tested by</source>
      <translation>পরীক্ষাকারী</translation>
    </message>
    <message>
      <source>The BIN is the building's one ID for every service: never reuse the BIN of a demolished building.</source>
      <translation>বিআইএন হলো সব সেবার জন্য ভবনের একক আইডি: ভেঙে ফেলা ভবনের বিআইএন কখনো আবার ব্যবহার করবেন না।</translation>
    </message>
    <message>
      <source>The application date cannot be in the future</source>
      <translation>আবেদনের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The assessment date cannot be in the future</source>
      <translation>মূল্যায়নের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The carrying width cannot exceed the road width</source>
      <translation>চলাচলযোগ্য প্রস্থ সড়কের প্রস্থের বেশি হতে পারে না</translation>
    </message>
    <message>
      <source>The construction date cannot be in the future</source>
      <translation>নির্মাণের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The disposal date cannot be in the future</source>
      <translation>নিষ্কাশনের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The emptying date cannot be in the future</source>
      <translation>খালিকরণের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The end time must be after the start time</source>
      <translation>শেষের সময় শুরুর সময়ের পরে হতে হবে</translation>
    </message>
    <message>
      <source>The exit time must be after the entry time</source>
      <translation>বের হওয়ার সময় প্রবেশের সময়ের পরে হতে হবে</translation>
    </message>
    <message>
      <source>The feedback date cannot be in the future</source>
      <translation>মতামতের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>The person who asked for the service, as written on the application.</source>
      <translation>যিনি সেবা চেয়েছেন, আবেদনে যেভাবে লেখা আছে।</translation>
    </message>
    <message>
      <source>The site visit before emptying: how much sludge, how many trips with which vehicle, and whether it can reach the containment.</source>
      <translation>খালিকরণের আগে সাইট পরিদর্শন: কত স্লাজ, কোন গাড়িতে কতবার যেতে হবে, এবং গাড়ি কন্টেইনমেন্টে পৌঁছাতে পারে কি না।</translation>
    </message>
    <message>
      <source>The steps of the service chain, in order: assessment, emptying (with its disposals) and the customer's feedback.</source>
      <translation>সেবা শৃঙ্খলের ধাপগুলো, ক্রমানুসারে: মূল্যায়ন, খালিকরণ (নিষ্কাশনসহ) এবং গ্রাহকের মতামত।</translation>
    </message>
    <message>
      <source>The survey date cannot be in the future</source>
      <translation>জরিপের তারিখ ভবিষ্যতের হতে পারে না</translation>
    </message>
    <message>
      <source>Tick Cancelled and give the reason; a cancelled application stays on record.</source>
      <translation>“বাতিল” টিক দিন এবং কারণ লিখুন; বাতিল আবেদন রেকর্ডে থেকে যায়।</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>সময় অঞ্চল</translation>
    </message>
    <message>
      <source>Times emptied</source>
      <translation>খালিকরণের সংখ্যা</translation>
    </message>
    <message>
      <source>Toilet</source>
      <translation>টয়লেট</translation>
    </message>
    <message>
      <source>Toilets</source>
      <translation>টয়লেট</translation>
    </message>
    <message>
      <source>Treatment plant</source>
      <translation>শোধনাগার</translation>
    </message>
    <message>
      <source>Trips</source>
      <translation>ট্রিপ</translation>
    </message>
    <message>
      <source>Trips needed</source>
      <translation>প্রয়োজনীয় ট্রিপ</translation>
    </message>
    <message>
      <source>Type = container and outlet (for example septic tank to soak pit). Measure inside dimensions in metres.</source>
      <translation>ধরন = আধার ও নির্গমন পথ (যেমন সেপটিক ট্যাংক থেকে সোক পিটে)। ভেতরের মাপ মিটারে নিন।</translation>
    </message>
    <message>
      <source>Typical depth (m)</source>
      <translation>সাধারণ গভীরতা (মিটার)</translation>
    </message>
    <message>
      <source>Typical duration (days)</source>
      <translation>সাধারণ স্থায়িত্ব (দিন)</translation>
    </message>
    <message>
      <source>Universal design</source>
      <translation>সর্বজনীন নকশা</translation>
    </message>
    <message>
      <source>Universal seats</source>
      <translation>সর্বজনীন আসন</translation>
    </message>
    <message>
      <source>Use and structure</source>
      <translation>ব্যবহার ও কাঠামো</translation>
    </message>
    <message>
      <source>Use category</source>
      <translation>ব্যবহারের শ্রেণি</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>মান</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>গাড়ি</translation>
    </message>
    <message>
      <source>Vehicle needed</source>
      <translation>প্রয়োজনীয় গাড়ি</translation>
    </message>
    <message>
      <source>Vehicle type</source>
      <translation>গাড়ির ধরন</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>সংস্করণ</translation>
    </message>
    <message>
      <source>Volume (m³)</source>
      <translation>পরিমাণ (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Volume is what left the containment, in m³. Disposals cannot add up to more than this volume.</source>
      <translation>পরিমাণ হলো কন্টেইনমেন্ট থেকে যা বের হয়েছে, ঘনমিটারে। নিষ্কাশনের যোগফল এর বেশি হতে পারে না।</translation>
    </message>
    <message>
      <source>Ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Ward number</source>
      <translation>ওয়ার্ড নম্বর</translation>
    </message>
    <message>
      <source>Water and sanitation</source>
      <translation>পানি ও স্যানিটেশন</translation>
    </message>
    <message>
      <source>Water body type</source>
      <translation>জলাশয়ের ধরন</translation>
    </message>
    <message>
      <source>Width (m)</source>
      <translation>প্রস্থ (মিটার)</translation>
    </message>
    <message>
      <source>Working days</source>
      <translation>কর্মদিবস</translation>
    </message>
    <message>
      <source>pH</source>
      <translation>পিএইচ</translation>
    </message>
    <message>
      <source>pH must be between 0 and 14</source>
      <translation>পিএইচ ০ থেকে ১৪-এর মধ্যে হতে হবে</translation>
    </message>
    <message>
      <source>{field} cannot be blank</source>
      <translation>{field} ফাঁকা রাখা যাবে না</translation>
    </message>
    <message>
      <source>{field} cannot be negative</source>
      <translation>{field} ঋণাত্মক হতে পারে না</translation>
    </message>
    <message>
      <source>{field} must be at least 1</source>
      <translation>{field} অন্তত ১ হতে হবে</translation>
    </message>
    <message>
      <source>{field} must be greater than 0</source>
      <translation>{field} অবশ্যই ০-এর বেশি হবে</translation>
    </message>
    <message>
      <source>{field}: 10, 13 or 17 digits</source>
      <translation>{field}: ১০, ১৩ বা ১৭ অঙ্ক</translation>
    </message>
    <message>
      <source>{field}: an e-mail address such as name@example.org</source>
      <translation>{field}: name@example.org-এর মতো একটি ই-মেইল ঠিকানা</translation>
    </message>
    <message>
      <source>{field}: digits, spaces or dashes, with an optional leading + (6 to 20 characters)</source>
      <translation>{field}: অঙ্ক, ফাঁকা বা ড্যাশ, শুরুতে ঐচ্ছিক + (৬ থেকে ২০ অক্ষর)</translation>
    </message>
    <message>
      <source>{later} cannot be before {earlier}</source>
      <translation>{later} {earlier}-এর আগে হতে পারে না</translation>
    </message>
  </context>
  <context>
    <name>ImisOneId</name>
    <message>
      <source> (+{} more)</source>
      <translation> (+আরও {}টি)</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>ঠিকানা</translation>
    </message>
    <message>
      <source>Annual value (BDT)</source>
      <translation>বার্ষিক মূল্য (টাকা)</translation>
    </message>
    <message>
      <source>Application</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>মূল্যায়ন</translation>
    </message>
    <message>
      <source>BIN, holding code, owner name, phone or containment code</source>
      <translation>বিআইএন, হোল্ডিং কোড, মালিকের নাম, ফোন বা কন্টেইনমেন্ট কোড</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings: {buildings} · holdings: {holdings} · owners: {owners} · containments: {containments} · applications: {applications}</source>
      <translation>ভবন: {buildings} · হোল্ডিং: {holdings} · মালিক: {owners} · কন্টেইনমেন্ট: {containments} · আবেদন: {applications}</translation>
    </message>
    <message>
      <source>Cannot read the record: {}</source>
      <translation>রেকর্ড পড়া গেল না: {}</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>কোড</translation>
    </message>
    <message>
      <source>Containment</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Disposal</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Drinking water</source>
      <translation>খাবার পানি</translation>
    </message>
    <message>
      <source>Emptying</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>মতামত</translation>
    </message>
    <message>
      <source>Floors</source>
      <translation>তলা</translation>
    </message>
    <message>
      <source>Functional use</source>
      <translation>কার্যগত ব্যবহার</translation>
    </message>
    <message>
      <source>Holding</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holdings and owners</source>
      <translation>হোল্ডিং ও মালিক</translation>
    </message>
    <message>
      <source>Households</source>
      <translation>খানা</translation>
    </message>
    <message>
      <source>IMIS One-ID explorer</source>
      <translation>IMIS ওয়ান-আইডি অনুসন্ধান</translation>
    </message>
    <message>
      <source>Last emptied</source>
      <translation>সর্বশেষ খালিকরণ</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>নাম</translation>
    </message>
    <message>
      <source>Next emptying due</source>
      <translation>পরবর্তী খালিকরণের তারিখ</translation>
    </message>
    <message>
      <source>No containment linked.</source>
      <translation>কোনো কন্টেইনমেন্ট যুক্ত নেই।</translation>
    </message>
    <message>
      <source>No holding linked.</source>
      <translation>কোনো হোল্ডিং যুক্ত নেই।</translation>
    </message>
    <message>
      <source>No service recorded.</source>
      <translation>কোনো সেবা রেকর্ড করা নেই।</translation>
    </message>
    <message>
      <source>Nothing found.</source>
      <translation>কিছু পাওয়া যায়নি।</translation>
    </message>
    <message>
      <source>Open the IMIS project (IMIS &gt; Create IMIS project) to select on the map.</source>
      <translation>মানচিত্রে নির্বাচন করতে IMIS প্রকল্প খুলুন (IMIS &gt; IMIS প্রকল্প তৈরি করুন)।</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>মালিক</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>ফোন</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>জনসংখ্যা</translation>
    </message>
    <message>
      <source>Sanitation system</source>
      <translation>স্যানিটেশন ব্যবস্থা</translation>
    </message>
    <message>
      <source>Search failed: {}</source>
      <translation>অনুসন্ধান ব্যর্থ: {}</translation>
    </message>
    <message>
      <source>Select on map</source>
      <translation>মানচিত্রে নির্বাচন</translation>
    </message>
    <message>
      <source>Select the record's buildings and containments in the project (Ctrl+L)</source>
      <translation>প্রকল্পে রেকর্ডের ভবন ও কন্টেইনমেন্ট নির্বাচন করুন (Ctrl+L)</translation>
    </message>
    <message>
      <source>Service history</source>
      <translation>সেবার ইতিহাস</translation>
    </message>
    <message>
      <source>Structure</source>
      <translation>কাঠামো</translation>
    </message>
    <message>
      <source>Surveyed on</source>
      <translation>জরিপের তারিখ</translation>
    </message>
    <message>
      <source>This record has no place on the map.</source>
      <translation>এই রেকর্ডের মানচিত্রে কোনো অবস্থান নেই।</translation>
    </message>
    <message>
      <source>Times emptied</source>
      <translation>খালিকরণের সংখ্যা</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>ধরন</translation>
    </message>
    <message>
      <source>Type at least two characters.</source>
      <translation>অন্তত দুটি অক্ষর লিখুন।</translation>
    </message>
    <message>
      <source>Volume (m³)</source>
      <translation>পরিমাণ (ঘনমিটার)</translation>
    </message>
    <message>
      <source>Ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Zoom to</source>
      <translation>জুম করুন</translation>
    </message>
    <message>
      <source>Zoom to the record's buildings and containments and flash them (Enter)</source>
      <translation>রেকর্ডের ভবন ও কন্টেইনমেন্টে জুম করে ঝলক দেখান (Enter)</translation>
    </message>
    <message>
      <source>legacy</source>
      <translation>পুরনো</translation>
    </message>
    <message>
      <source>no</source>
      <translation>না</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>হ্যাঁ</translation>
    </message>
    <message>
      <source>{} hits</source>
      <translation>{}টি ফলাফল</translation>
    </message>
  </context>
  <context>
    <name>ImisPlugin</name>
    <message>
      <source>&amp;IMIS</source>
      <translation>&amp;IMIS</translation>
    </message>
    <message>
      <source>City</source>
      <translation>শহর</translation>
    </message>
    <message>
      <source>Current city: {}. IMIS tools now work on its database.</source>
      <translation>বর্তমান শহর: {}। IMIS টুলগুলো এখন এর ডাটাবেসে কাজ করবে।</translation>
    </message>
    <message>
      <source>Database status…</source>
      <translation>ডাটাবেসের অবস্থা…</translation>
    </message>
    <message>
      <source>Enable the Processing plugin, then search the toolbox for “{}”.</source>
      <translation>প্রসেসিং প্লাগইন চালু করুন, তারপর টুলবক্সে “{}” খুঁজুন।</translation>
    </message>
    <message>
      <source>No city registered: imis cities add NAME SERVICE</source>
      <translation>কোনো শহর নিবন্ধিত নেই: imis cities add NAME SERVICE</translation>
    </message>
    <message>
      <source>Processing tools…</source>
      <translation>প্রসেসিং টুল…</translation>
    </message>
    <message>
      <source>The IMIS Processing provider could not be registered (is another IMIS loaded?)</source>
      <translation>IMIS প্রসেসিং প্রোভাইডার নিবন্ধন করা যায়নি (অন্য কোনো IMIS কি চালু আছে?)</translation>
    </message>
    <message>
      <source>The algorithm {} is not available; see the IMIS log messages.</source>
      <translation>{} অ্যালগরিদমটি পাওয়া যাচ্ছে না; IMIS লগ বার্তা দেখুন।</translation>
    </message>
    <message>
      <source>Upgrade database…</source>
      <translation>ডাটাবেস হালনাগাদ…</translation>
    </message>
  </context>
  <context>
    <name>ImisProcessing</name>
    <message>
      <source> and published</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(no report file chosen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A service name from pg_service.conf (for example imis) or a libpq connection string or URI (host=... dbname=... or postgresql://...). Keep credentials in the service file or in ~/.pgpass: a secret typed here would be stored in the Processing history.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Action</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Also publish the year on the dashboard</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Applications (on demand, emergencies)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Area (polygons)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Area polygons (their union)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Attribute conditions (field=value; ...)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bangla</source>
      <translation>বাংলা</translation>
    </message>
    <message>
      <source>Buffer analysis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Building key field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Building-containment links</source>
      <translation>ভবন-কন্টেইনমেন্ট সংযোগ</translation>
    </message>
    <message>
      <source>Building-toilet links (which building depends on which toilet)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Buildings</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings (or any features to find)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Buildings served by a containment not emptied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Buildings the vehicle cannot reach</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Buildings within the distance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CSV</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CSV (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose at least one output.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the containment type field to filter by type.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the layer whose polygons make the area.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the segment label field to pick segments by label.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the {} (Quarter or month parameter).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>City</source>
      <translation>শহর</translation>
    </message>
    <message>
      <source>City rule (as Base IMIS)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Code-list labels in Excel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Community / public toilets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Community toilet accessibility</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Computes every city-wide inclusive sanitation (CWIS) indicator (EQ-1, SF-1a to SF-9), the JMP sanitation ladder (safely managed, basic, limited, unimproved, open defecation) and the FSM service KPIs with their targets, for the whole city, a ward, a low-income community or the polygons of a layer, and for a year, a quarter or a month.

Every row gives the numerator, denominator, value and unit, the 'safe' rule it used (JMP's, or the looser city rule that judges containments by type and outlet only) and, when the value is empty, why. The figures are computed by the database from the data as it is now: correct the data and run again.

Outputs: a table layer; optionally an Excel workbook (one sheet per indicator group, with native charts, and the excreta flow), a PDF report (a QGIS print layout: the whole city, then one atlas page pair per ward with a map, the indicator table, the excreta-flow figure and a chart; figures under the report rule), and the excreta-flow (SFD-style) figure as PNG.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Computing the indicators of {} (city, wards, low-income communities)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Condition</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connection candidates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connection field of the buildings (empty = not connected; default drain_id or sewer_id)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Construction date field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containment key field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containment type field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Containments at risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containments at risk per type</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containments not emptied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containments overdue at the end of the period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containments planned</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Containments the vehicle cannot reach</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Create IMIS project</source>
      <translation>IMIS প্রকল্প তৈরি</translation>
    </message>
    <message>
      <source>Current revision: {}; target: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dashboard authentication configuration</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dashboard endpoint (default: from the authentication configuration)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database (pg_service name or connection string)</source>
      <translation>ডাটাবেস (pg_service নাম বা সংযোগ স্ট্রিং)</translation>
    </message>
    <message>
      <source>Database at revision {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Database status</source>
      <translation>ডাটাবেসের অবস্থা</translation>
    </message>
    <message>
      <source>Date field (default: the first)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dependent buildings with their walking distance</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Distance (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Distance from (water bodies, waterlogging areas, roads or any layer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drain / sewer connection candidates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drains or sewers (the selection, if any)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Draw buildings on the report maps</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dry run (check and count, write nothing)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dry run (plan and report, write nothing)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dry run: nothing was written.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Emptyings in the month</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>English</source>
      <translation>ইংরেজি</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Excel (*.xlsx);;CSV (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Excel workbook</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Excreta-flow figure</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exports IMIS tables or views (for example building, holding, containment, or a view of the app schema) to a GeoPackage, a zipped Shapefile (with a field-name map when names are longer than 10 characters), an Excel workbook (one sheet per layer, code-list labels instead of codes, units in the headers, frozen header row) or CSV.

Filters, all optional and combined: a ward number, an extent, an area layer (its polygons), attribute conditions separated by ';' (field=value, field=a,b, field!=value, field&gt;=value, field&lt;value, field~text) and a date range (on the layer's first date field, or the one named).

The export runs with the database login of the connection: what it may not read, it cannot export.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Extent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Features (buildings, containments...)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Feed as CSV</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Feed as JSON</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Field to test (empty = every feature)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Field to total</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Files to import</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Filter and summarise by attribute</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finds the buildings (or any features) within a distance of water bodies, waterlogging areas, a road, an area you draw or any other layer, and summarises them per ward: number of buildings, population and containments by type.

Distance: the shortest distance between the two geometries, in metres (a building touching a water body is at 0 m). Use the selection of the 'distance from' layer to measure from some of its features only (one road, the ponds of one ward).

Outputs: the buildings within the distance, with all their fields and the ward(s) their centroid falls in; and a summary table with one row per ward, '(none)' for buildings outside every ward, and '(all)' for the whole result. Containments count by their own location.

When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS as one indexed query; on other layers (Shapefile, GeoPackage, memory layers) QGIS computes the same answer itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finds the buildings and containments a given emptying vehicle cannot reach: a road is passable when its width is at least the vehicle's width (roads of unknown width are not), and a building or containment is reachable when a passable road lies within the hose length of it.

Each unreachable feature gets a reason: narrow_road (only roads narrower than the vehicle are within the hose length: a smaller vehicle may do) or too_far (no road at all within the hose length).

Typical widths: city vacutug 1.5 m, mechanised van 1.8 m, vacuum truck 2.5 m (the width_m of the vehicle). Road width: width_m of IMIS roads (choose carrying_width_m to use the usable width). When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finds the containments (pits, septic tanks...) within a distance of water points (wells, tube wells, IMIS water points) or water bodies, with the nearest of each and its distance, and counts them per containment type.

Distance: in metres, from the containment's location; the Sphere handbook asks for at least 30 m between a pit or soak pit and a groundwater source (more in sandy soils or with a high water table). To count only some types, list them separated by commas (for example unlined_pit,septic_tank_soak_pit,lined_pit_soak_pit); leave empty for all. To leave out water points that do not draw groundwater (standpipes, pond sand filters), select the others first: the water_point_type code list marks them (is_groundwater).

risk_source says which kind of water is near: water_point, water_body or both. When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finds the containments with no emptying in the last N years (3 by default, the usual scheduled-desludging cycle) and the buildings they serve, and gives the share per ward and per low-income community (LIC).

status: overdue (last emptied more than N years before the reference date), never_emptied (never emptied and built more than N years before) or no_date (neither date known: it needs a visit). A containment built in the last N years and never emptied is not a gap yet. The reference date is today unless you set one. Containments count in the ward and LIC their location falls in; the LIC summary has a '(none)' row for the containments outside every LIC, to compare the two.

Buildings: give the buildings and the building-containment links to get the buildings served by a gap. When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Finds the features whose field matches a condition (for example functional_use equals educational, population at least 50, name contains 'school') and summarises them: number of features and the total of a numeric field (population...) per ward and per square grid cell (500 m by default). Leave the field empty to summarise every feature.

The value is converted to the field's type: numbers, dates as YYYY-MM-DD, true/false; 'is one of' takes values separated by commas. 'contains' and 'starts with' ignore case and treat every character literally. Features count in the ward their centroid falls in; the '(all)' row counts every matching feature. Grid cells are aligned on multiples of the cell size; cell_x and cell_y number them.

When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS; on other layers QGIS computes the same answer itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>First day</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For every building whose residents depend on a community or public toilet (the building-toilet links), measures the walking distance along the road network to that toilet, and flags the buildings farther than a threshold.

Walking distance = from the building's centroid straight to the nearest road, along the roads (shortest path), then straight to the toilet. Roads connect where they share a vertex: lines that cross without a common vertex are not connected (split them first with Vector geometry &gt; Split with lines if needed). A toilet that cannot be reached along the roads leaves walking_m empty and counts as beyond the threshold. The summary gives, per toilet, the dependents, how many are beyond and the mean and longest walk (the mean of all is CWIS indicator SF-3e).

When every input is a table of the same PostGIS database (the IMIS layers), the routing runs in PostGIS with pgRouting; on other layers QGIS's network analysis computes the same answer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>For the chosen drains or sewers (select some, or list their codes, to use only those), lists the buildings within a distance that are not connected to a network yet, with the nearest segment and the distance to it, ranked nearest first (rank 1 is the cheapest connection).

'Not connected' means the building's connection field is empty: drain_id for drains, sewer_id for sewers on IMIS buildings; choose another field for other layers. Once an officer confirms a connection, store the segment_id of the result in that field: the building then drops out of the next run.

Distance: shortest distance between the building footprint and the segment, in metres. When every input is a table of the same PostGIS database (the IMIS layers), the work runs in PostGIS as one indexed query; on other layers QGIS computes the same answer itself.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>From date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>GeoPackage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>GeoPackage (*.gpkg);;Zipped Shapefile (*.zip);;Excel (*.xlsx);;CSV (*.csv)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give a layer to measure the distance from, or draw an area.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give both the buildings and the building-containment links, or neither.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give buildings, containments or both.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give the ward number or the low-income community code.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give water points, water bodies or both.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grid cell size (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Groundwater risk</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>HTML files (*.html)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Head revision</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hose length (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMIS database status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMIS project</source>
      <translation>IMIS প্রকল্প</translation>
    </message>
    <message>
      <source>Import data with a mapping</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Indicator rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Installs the IMIS schema into a database, or upgrades an existing IMIS database to the head revision this plugin ships: data schemas through their migrations, then the app schema (views, functions, triggers, permissions) rebuilt and the code lists loaded, all in one transaction: on any error nothing is changed.

SRID: the city's projected coordinate reference system in metres (for example 32645, WGS 84 / UTM zone 45N, or 32646, UTM zone 46N). Required on first install only; an installed database keeps the SRID it was created with.

The database needs the PostGIS and pgRouting extensions available, and the user the rights to create schemas. Back the database up before upgrading production data.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>JMP safely managed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KPI summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KPI table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LIC label field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Labels of code lists</source>
      <translation>কোড তালিকার নাম</translation>
    </message>
    <message>
      <source>Last day (empty: the number of months below)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Last emptied date field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Layers</source>
      <translation>লেয়ার</translation>
    </message>
    <message>
      <source>Layers that could not be opened: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Link field holding the building key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Link field holding the containment key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Link field holding the toilet key</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Load only the rows that pass (skip rejected rows)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Loads municipal data as cities hold it (Shapefile, GeoPackage, GeoJSON, CSV, Excel) into the IMIS tables. A mapping file (TOML or JSON, see docs/data_transfer.md and database/mappings/) says which layer or sheet goes to which table, which source field fills which IMIS field and how values translate to code lists.

Geometries are reprojected to the city CRS. Every row is checked first (types, code lists, required fields, geometry type and validity, duplicate keys, references such as ward numbers and BINs, the database's rules); rows match existing ones on their natural key (BIN, holding code, code), so running the same import again changes nothing.

If any row is rejected, nothing is written (unless 'Load only the rows that pass' is ticked) and the report lists every rejected row with file, row, field and reason. A dry run checks and counts without writing.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Low-income community</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Mapping (*.toml *.json)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mapping file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Matching features</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month (YYYY-MM)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Month {!r} is not YYYY-MM.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Months to plan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>National dashboard feed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>New rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No database given: enter a pg_service name or connection string.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No emptying for (years)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Note</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the jobs of service provider (code)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only the segments with these labels (comma-separated; empty = all, or the selection)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only these containment types (comma-separated; empty = all)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only this provider (code)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open the project when done (desktop only)</source>
      <translation>শেষ হলে প্রকল্পটি খুলুন (শুধু ডেস্কটপে)</translation>
    </message>
    <message>
      <source>Or distance from a drawn area</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Output file</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF report (city and every ward)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF report written: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PNG (*.png)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Period</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plan emptying schedule</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Plans which containments are emptied on which working day, by which vehicle, in which order.

Two programmes are merged: on-demand applications (emergencies first, then by their response target) and regular scheduled desludging of containments the fill model finds due by the end of the period (volume, users, the accumulation rate of the containment type, the last emptying or a measured sludge level). What the fill model had to estimate is flagged on each stop.

Each vehicle works the city's working days (weekends and holidays skipped), from its depot, with its capacity, trips per day (plant runs, including the last one of the day) and hose length, only on roads at least as wide as it is, only in the wards its provider serves. Stops are grouped by proximity and ordered along the road network (pgRouting); each vehicle-day gets a route line.

Re-planning an existing schedule keeps its confirmed stops on their vehicle and day; households that declined wait in the re-integration queue. Everything is written in one transaction: on an error or a cancel nothing is written. Optionally writes the Excel work orders.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Polygons of a layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Polygons of {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Population field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PostGIS</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PostGIS version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PostGIS {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PostgreSQL</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PostgreSQL version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PostgreSQL {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Provider monthly report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Publish a year's indicators</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Publish the draft snapshot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Published at</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Published on the dashboard</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>QGIS authentication configuration (optional)</source>
      <translation>QGIS প্রমাণীকরণ কনফিগারেশন (ঐচ্ছিক)</translation>
    </message>
    <message>
      <source>QGIS projects (*.qgz)</source>
      <translation>QGIS প্রকল্প (*.qgz)</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Quarter (1-4) or month (1-12)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Re-plan the schedule with this code (confirmed stops stay)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Read-only layers</source>
      <translation>শুধু পড়ার লেয়ার</translation>
    </message>
    <message>
      <source>Reference date (empty = today)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reference date {}: gaps are containments not emptied since {}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regular programme (containments due)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regular programme only in these wards (numbers, comma separated)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rejected rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Relations</source>
      <translation>সম্পর্ক</translation>
    </message>
    <message>
      <source>Repair invalid geometries (ST_MakeValid) instead of rejecting them</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Report (Excel)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Report (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Report of rejected and repaired rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Reports what an IMIS database holds: the PostgreSQL, PostGIS and pgRouting versions, the schema revision and whether it is the head revision this plugin ships (if not, run Upgrade database), the city and its coordinate reference system (SRID), and the number of rows of every data table.

The values are algorithm outputs (usable in models and from qgis_process); an HTML report is written too when a file is chosen. The database is only read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Revision reached</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Road width field (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Roads</source>
      <translation>সড়ক</translation>
    </message>
    <message>
      <source>Roads (walking network)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Routes {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows in all data tables</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows per layer (JSON)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows per table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows per table (JSON)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rows without a value</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rule of the PDF report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SRID</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SRID of the city (first install only)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Safe rule of the figures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Safe rules</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule code (empty: PLAN-&lt;first&gt;-&lt;last&gt;)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule routes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule stops</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schedule work orders</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schema revision</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schema revision {} (head {})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Segment label field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Send the feed to the dashboard</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sent</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sent to {}{}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service gaps (no emptying in N years)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service gaps per ward and LIC</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Service provider (code)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Shapefile (zipped)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sheets</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Snapshot id</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status report</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stops</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stops {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stored figures</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stores the indicators of a year as a snapshot: for the whole city, every ward and every low-income community, under both safe rules. A snapshot can be taken again as often as needed (it replaces the previous one) until it is published; once published, the database refuses any change to it (rule indicator_snapshot_published), so the figures sent to the national dashboard stay what they were.

Actions: take a draft snapshot; take it and publish it at once; or publish the draft already taken. Only an IMIS administrator may write snapshots.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Summary</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Summary per grid cell</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Summary per ward</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tables or views (comma-separated)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Take a draft snapshot</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Take a snapshot and publish it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The area layer has no polygon (or none is selected).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database connection string contains a secret credential. Processing records its parameters in the history and the log, so IMIS refuses it: put the credential in ~/.pgpass or in a pg_service.conf entry and give the service name instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The database is not at the head revision: run Upgrade database.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The indicators of {} are not published in IMIS ({}): publish the year first (Publish a year's indicators), then send it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The indicators of {} are published and locked.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The monthly report every service provider produces: applications received, emptyings, volume, trips, revenue, response time (and the share within the city's target), disposals at treatment plants and their confirmation by the plant, customer feedback (satisfaction, PPE), scheduled stops confirmed or declined, and the open and overdue jobs today. Each ratio shows its numerator and denominator.

Writes Excel (a summary sheet and the month's jobs) and, when chosen, a PDF made with a QGIS print layout (figures, a map of the month's emptyings, the jobs).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The network is made of</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The yearly indicators of the city as the National Sanitation Dashboard takes them: {city, year, indicators: [{code, name, outcome, value}]}, written as JSON and/or CSV. The values come from the year's snapshot (see Publish a year's indicators) when there is one, else they are computed now; the log says which.

Send: posts the feed to the dashboard API. Only a year published in IMIS is sent, and the client first asks the dashboard whether it has already published that year: a published year is never overwritten. The endpoint and the credential come from a QGIS authentication configuration (its URL is the endpoint; method 'ESRI token' or 'Basic'), or from the environment variables IMIS_DASHBOARD_URL and IMIS_DASHBOARD_TOKEN; never from a project file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This database has no IMIS city yet (first install): set the SRID parameter to the city's projected CRS in metres, for example 32645 (WGS 84 / UTM zone 45N) or 32646 (UTM zone 46N).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>To date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Toilet key field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Toilet label field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Truck-km</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Truck-km per m3</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unchanged rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Up to date</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Upgrade database</source>
      <translation>ডাটাবেস হালনাগাদ</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>মান</translation>
    </message>
    <message>
      <source>Vehicle access</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vehicle width (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Walking distance threshold (m)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Walking distances per toilet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ward</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Ward label field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ward number</source>
      <translation>ওয়ার্ড নম্বর</translation>
    </message>
    <message>
      <source>Ward number or low-income community code</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wards</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Wards: give ward numbers separated by commas, e.g. 3,4,7.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Water bodies</source>
      <translation>জলাশয়</translation>
    </message>
    <message>
      <source>Water body label field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Water point label field</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Water points (wells, tube wells)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Where the values come from</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Whole city</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Work orders</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Work orders: {} sheets, {} stops</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Workbook written: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Writes a QGIS project with every IMIS layer of the database, in groups (boundaries, buildings and holdings, sanitation, networks, FSM service chain, revenue, analysis results), styled by their code lists with scale-dependent labels, with tabbed attribute forms, relations (building to containments, holdings and owners, and the service chain of applications), value lists, date pickers and the database's rules as form constraints.

Layers connect through the database parameter as given: a pg_service name keeps every connection detail out of the project, and an authentication configuration lets QGIS supply the login from its own protected store. Tables the connecting role may not change are read-only layers.

Open the project at the end to start working with it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Writes an emptying schedule's work orders to Excel: one sheet per service provider and day, the stops of each vehicle in driving order with the containment, building, address, customer and phone, the expected volume and truck loads, what the fill model estimated, and empty columns for the volume emptied, the receipt and remarks. Declined stops are left out.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Written</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Year</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>connection field: choose it</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>drains</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no</source>
      <translation>না</translation>
    </message>
    <message>
      <source>none (empty database)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>none: empty database</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not installed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pgRouting</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pgRouting version</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pgRouting {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>sewers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>yes</source>
      <translation>হ্যাঁ</translation>
    </message>
    <message>
      <source>{} buildings within {} m are not connected.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} containments not emptied for {} years.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} containments within {} m of water.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} dependent buildings, {} beyond {} m.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} features match.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} features within {} m.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} figures stored for {}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} indicators of {} {} ({})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} layers ({} read-only), {} relations</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} rows were rejected, so nothing was written. The report lists them: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} sheets, {} stops</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{}, {}: computing the indicators</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{}: no value ({})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{}: {} cannot be reached.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{}: {} rows</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImisProject</name>
    <message>
      <source>Adding layer {}</source>
      <translation>{} লেয়ার যোগ হচ্ছে</translation>
    </message>
    <message>
      <source>Analysis results</source>
      <translation>বিশ্লেষণের ফলাফল</translation>
    </message>
    <message>
      <source>Applications</source>
      <translation>আবেদন</translation>
    </message>
    <message>
      <source>Assessments</source>
      <translation>মূল্যায়ন</translation>
    </message>
    <message>
      <source>Boundaries</source>
      <translation>সীমানা</translation>
    </message>
    <message>
      <source>Building-containment links</source>
      <translation>ভবন-কন্টেইনমেন্ট সংযোগ</translation>
    </message>
    <message>
      <source>Building-holding links</source>
      <translation>ভবন-হোল্ডিং সংযোগ</translation>
    </message>
    <message>
      <source>Building-toilet links</source>
      <translation>ভবন-টয়লেট সংযোগ</translation>
    </message>
    <message>
      <source>Buildings</source>
      <translation>ভবন</translation>
    </message>
    <message>
      <source>Buildings and holdings</source>
      <translation>ভবন ও হোল্ডিং</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>বাতিল করা হয়েছে।</translation>
    </message>
    <message>
      <source>Cannot write {}: {}</source>
      <translation>{} লেখা যায়নি: {}</translation>
    </message>
    <message>
      <source>City boundary</source>
      <translation>শহরের সীমানা</translation>
    </message>
    <message>
      <source>Code lists</source>
      <translation>কোড তালিকা</translation>
    </message>
    <message>
      <source>Community and public toilets</source>
      <translation>কমিউনিটি ও পাবলিক টয়লেট</translation>
    </message>
    <message>
      <source>Containments</source>
      <translation>কন্টেইনমেন্ট</translation>
    </message>
    <message>
      <source>Creating relations</source>
      <translation>সম্পর্ক তৈরি হচ্ছে</translation>
    </message>
    <message>
      <source>Disposals</source>
      <translation>নিষ্কাশন</translation>
    </message>
    <message>
      <source>Drains</source>
      <translation>ড্রেন</translation>
    </message>
    <message>
      <source>Employees</source>
      <translation>কর্মচারী</translation>
    </message>
    <message>
      <source>Emptying crews</source>
      <translation>খালিকরণ কর্মী দল</translation>
    </message>
    <message>
      <source>Emptyings</source>
      <translation>খালিকরণ</translation>
    </message>
    <message>
      <source>FSM service chain</source>
      <translation>এফএসএম সেবা শৃঙ্খল</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>মতামত</translation>
    </message>
    <message>
      <source>Holdings</source>
      <translation>হোল্ডিং</translation>
    </message>
    <message>
      <source>Holidays</source>
      <translation>ছুটির দিন</translation>
    </message>
    <message>
      <source>IMIS – {}</source>
      <translation>IMIS – {}</translation>
    </message>
    <message>
      <source>Low-income communities</source>
      <translation>নিম্ন-আয়ের জনগোষ্ঠী</translation>
    </message>
    <message>
      <source>Networks</source>
      <translation>নেটওয়ার্ক</translation>
    </message>
    <message>
      <source>No IMIS data schema found (or no right to read it): upgrade the database first (Upgrade database) or connect as an IMIS role.</source>
      <translation>কোনো IMIS ডাটা স্কিমা পাওয়া যায়নি (বা পড়ার অনুমতি নেই): আগে ডাটাবেস হালনাগাদ করুন অথবা একটি IMIS ভূমিকা দিয়ে সংযোগ করুন।</translation>
    </message>
    <message>
      <source>Other data</source>
      <translation>অন্যান্য তথ্য</translation>
    </message>
    <message>
      <source>Owners</source>
      <translation>মালিক</translation>
    </message>
    <message>
      <source>Project written: {}</source>
      <translation>প্রকল্প লেখা হয়েছে: {}</translation>
    </message>
    <message>
      <source>Reading the database catalog</source>
      <translation>ডাটাবেসের তালিকা পড়া হচ্ছে</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>রাজস্ব</translation>
    </message>
    <message>
      <source>Roads</source>
      <translation>সড়ক</translation>
    </message>
    <message>
      <source>Sanitation</source>
      <translation>স্যানিটেশন</translation>
    </message>
    <message>
      <source>Service providers</source>
      <translation>সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>সেটিংস</translation>
    </message>
    <message>
      <source>Sewers</source>
      <translation>সুয়ারেজ লাইন</translation>
    </message>
    <message>
      <source>Styles and forms</source>
      <translation>স্টাইল ও ফর্ম</translation>
    </message>
    <message>
      <source>Styling {}</source>
      <translation>{} সাজানো হচ্ছে</translation>
    </message>
    <message>
      <source>The connection string contains a secret credential; a project would store it. Use a pg_service name or a QGIS authentication configuration instead.</source>
      <translation>সংযোগ স্ট্রিংয়ে গোপন তথ্য আছে; প্রকল্প তা সংরক্ষণ করে ফেলবে। এর বদলে pg_service নাম বা QGIS প্রমাণীকরণ কনফিগারেশন ব্যবহার করুন।</translation>
    </message>
    <message>
      <source>Treatment plant tests</source>
      <translation>শোধনাগারের পরীক্ষা</translation>
    </message>
    <message>
      <source>Treatment plants</source>
      <translation>শোধনাগার</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>ব্যবহারকারী</translation>
    </message>
    <message>
      <source>Vehicles</source>
      <translation>গাড়ি</translation>
    </message>
    <message>
      <source>Wards</source>
      <translation>ওয়ার্ড</translation>
    </message>
    <message>
      <source>Water and environment</source>
      <translation>পানি ও পরিবেশ</translation>
    </message>
    <message>
      <source>Water bodies</source>
      <translation>জলাশয়</translation>
    </message>
    <message>
      <source>Water points</source>
      <translation>পানির উৎস</translation>
    </message>
    <message>
      <source>Waterlogging areas</source>
      <translation>জলাবদ্ধ এলাকা</translation>
    </message>
    <message>
      <source>Writing {}</source>
      <translation>{} লেখা হচ্ছে</translation>
    </message>
    <message>
      <source>{} of {}</source>
      <translation>{1}-এর {0}</translation>
    </message>
  </context>
  <context>
    <name>ImisProvider</name>
    <message>
      <source>Cannot load the Processing script {}:
{}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} defines several algorithms ({}); one per script is expected</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImisServiceQueue</name>
    <message>
      <source>All jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>All providers</source>
      <translation>সকল সেবা প্রদানকারী</translation>
    </message>
    <message>
      <source>All wards</source>
      <translation>সকল ওয়ার্ড</translation>
    </message>
    <message>
      <source>Cannot read the jobs: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose a job first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>FSM jobs by state with their next action; overdue jobs flagged</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>IMIS service queue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Job {} needs no further step.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Next action…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No jobs.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open jobs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open the IMIS project first (IMIS &gt; Create IMIS project): {} is not in this project.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Open the form of the job's next step, pre-filled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue only</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Overdue: {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refresh</source>
      <translation>হালনাগাদ করুন</translation>
    </message>
    <message>
      <source>Service queue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>applied from: any</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>overdue</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>to: any</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{} jobs, {} overdue.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ImisStyles</name>
    <message>
      <source>Not recorded</source>
      <translation>লিপিবদ্ধ নেই</translation>
    </message>
  </context>
</TS>
